package io.relaysms.platform;

import com.azure.communication.sms.SmsClient;
import com.azure.communication.sms.SmsClientBuilder;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.relaysms.config.RelaySettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

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
