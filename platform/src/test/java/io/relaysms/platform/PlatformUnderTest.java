package io.relaysms.platform;

import com.azure.communication.sms.SmsClient;
import com.azure.communication.sms.SmsClientBuilder;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import io.relaysms.runtime.KafkaEnvironment;
import io.relaysms.topics.TopicCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.kafka.common.utils.Utils;

/**
 * The launcher's demo configuration on ephemeral ports and a given data folder, plus the clients a user would point at
 * it: the official Azure SDK trusting the generated certificate, and plain HTTP for the services' own endpoints.
 */
final class PlatformUnderTest {

    static final String TOLL_FREE = "+18005550100";

    private PlatformUnderTest() {
    }

    /** The demo configuration with every port ephemeral and the data in {@code dataFolder}. */
    static Map<String, String> demoSettings(Path dataFolder) {
        Map<String, String> settings = new HashMap<>(RelayPlatformMain.demoConfiguration());
        settings.put(PlatformConfig.DATA_DIR, dataFolder.toString());
        settings.put(PlatformConfig.KAFKA_PORT, "0");
        settings.put(PlatformConfig.KAFKA_CONTROLLER_PORT, "0");
        settings.put("simulator.smpp.port", "0");
        settings.put("simulator.admin.port", "0");
        settings.put("api.https.port", "0");
        settings.put("tracker.http.port", "0");
        settings.put("optout.http.port", "0");
        settings.put("dispatcher.operations.port", "0");
        return settings;
    }

    /**
     * The demo configuration against a broker that is already running (platform.kafka.embedded=false), every topic,
     * group, Streams application and transactional id under {@code prefix}, and a quick carrier: short latencies and
     * receipt delays, every receipt DELIVRD unless a rule says otherwise.
     */
    static Map<String, String> onBroker(Path dataFolder, String bootstrapServers, String prefix) {
        Map<String, String> settings = demoSettings(dataFolder);
        settings.put(PlatformConfig.KAFKA_EMBEDDED, "false");
        settings.put("kafka.bootstrap.servers", bootstrapServers);
        settings.put("topics.prefix", prefix);
        settings.put("topics.partitions", "4");
        return withQuickCarrier(settings);
    }

    static Map<String, String> withQuickCarrier(Map<String, String> settings) {
        settings.put("simulator.behaviour.latency.min-ms", "1");
        settings.put("simulator.behaviour.latency.max-ms", "5");
        settings.put("simulator.behaviour.receipt.outcomes", "DELIVRD:1");
        settings.put("simulator.behaviour.receipt.delay.min-ms", "0");
        settings.put("simulator.behaviour.receipt.delay.max-ms", "50");
        settings.put("simulator.random.seed", "8");
        return settings;
    }

    /** Adds toll-free numbers routed to the simulator, each allowed {@code perMinute} segments with the given burst. */
    static Map<String, String> withNumbers(Map<String, String> settings, List<String> numbers, int perMinute, int burst) {
        for (String number : numbers) {
            settings.put("numbers." + number + ".type", "toll-free");
            settings.put("numbers." + number + ".route", "sim");
            settings.put("numbers." + number + ".rate-limit.per-minute", String.valueOf(perMinute));
            settings.put("numbers." + number + ".rate-limit.burst", String.valueOf(burst));
        }
        return settings;
    }

    /**
     * Toll-free numbers chosen so that each of the {@code partitions} partitions of sms-requests holds {@code perPartition}
     * of them (the default partitioner: murmur2 of the key), so every dispatcher that owns a partition has work.
     */
    static List<String> sendersOnEveryPartition(int partitions, int perPartition) {
        List<String> chosen = new ArrayList<>();
        int[] taken = new int[partitions];
        for (int n = 300; chosen.size() < partitions * perPartition; n++) {
            String number = "+1800555" + String.format("%04d", n);
            int partition = partitionOf(number, partitions);
            if (taken[partition] < perPartition) {
                taken[partition]++;
                chosen.add(number);
            }
        }
        return chosen;
    }

    /** The sms-requests partition of a sending number under the default partitioner. */
    static int partitionOf(String sender, int partitions) {
        return Utils.toPositive(Utils.murmur2(sender.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static RelayPlatform start(Map<String, String> settings) {
        return RelayPlatform.start(RelaySettings.of(settings));
    }

    /** The Azure SDK as a user builds it, with the platform's generated certificate trusted. */
    static SmsClient azureSdk(RelayPlatform platform) {
        try {
            SslContext trustGenerated = SslContextBuilder.forClient()
                    .trustManager(platform.api().certificatePath().orElseThrow().toFile()).build();
            return new SmsClientBuilder()
                    .connectionString(platform.api().connectionString().replace("127.0.0.1", "localhost"))
                    .httpClient(new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                            .secure(spec -> spec.sslContext(trustGenerated))).build())
                    .buildClient();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The topics of a running platform, with their serdes, as its services name them. */
    static TopicCatalog topics(RelayPlatform platform) {
        return new KafkaEnvironment(new ServiceConfig(PlatformConfig.NAMESPACE, PlatformConfig.definition(), platform.settings())).topics();
    }

    static HttpResponse<String> get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        }
    }

    static String trackerUrl(RelayPlatform platform, String path) {
        return "http://127.0.0.1:" + platform.tracker().httpPort() + path;
    }
}
