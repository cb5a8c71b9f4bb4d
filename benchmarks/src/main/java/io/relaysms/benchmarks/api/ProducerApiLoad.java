package io.relaysms.benchmarks.api;

import io.relaysms.api.ProducerApiService;
import io.relaysms.config.RelaySettings;
import io.relaysms.kafka.embedded.EmbeddedKafkaBroker;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Accepted recipients per second through the producer API on this machine, next to a bare endpoint on the same
 * server stack in the same run. Everything runs in this one JVM, as in the embedded default: a KRaft broker, the API
 * (HTTPS, HMAC, validation, one transaction per group of requests, acks=all) and the load, closed-loop over
 * HTTPS keep-alive connections with SDK-shaped signed bodies (fresh repeatability ids per recipient).
 *
 * <pre>
 * benchmarks/run-producer-api-benchmark.sh [threads] [warm-up seconds] [measured seconds]
 * </pre>
 * {@code -Dscenarios=bare1,api1,bare100,api100} (the default) picks and orders the scenarios; {@code -Dapi.<key>=<value>}
 * sets any API key (e.g. {@code -Dapi.publish.lanes=4}).
 */
public final class ProducerApiLoad {

    static final String KEY = Base64.getEncoder().encodeToString("benchmark-key-benchmark-key-0123".getBytes());
    private static final String FROM = "+18005550100";

    private ProducerApiLoad() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        Duration warmUp = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        Duration measured = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 20);
        Path data = Files.createTempDirectory("relay-bench-");
        List<LoadRunner.Result> results = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data.resolve("kafka")).build().start();
             ProducerApiService api = ProducerApiService.start(RelaySettings.of(settings(broker.bootstrapServers(), data)));
             BareEndpoint bare = new BareEndpoint()) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(api.certificatePath().orElseThrow(), bare))
                    .version(HttpClient.Version.HTTP_1_1).build();
            URI apiEndpoint = URI.create("https://127.0.0.1:" + api.httpsPort().getAsInt() + "/");
            URI bareEndpoint = URI.create("https://127.0.0.1:" + bare.port() + "/");
            byte[] key = Base64.getDecoder().decode(KEY);
            String path = "/sms?api-version=2021-03-07";
            String only = System.getProperty("scenarios", "bare1,api1,bare100,api100");
            for (String scenario : only.split(",")) {
                boolean isBare = scenario.startsWith("bare");
                int recipients = scenario.endsWith("100") ? 100 : 1;
                URI target = isBare ? bareEndpoint : apiEndpoint;
                results.add(LoadRunner.run((isBare ? "bare endpoint, " : "producer API, ") + recipients
                                + (recipients == 1 ? " recipient" : " recipients"), client,
                        () -> new SignedRequests(target, path, key, FROM, recipients)::next, 202, recipients, threads, warmUp, measured));
                if (!isBare) {
                    var commit = api.metrics().get("relay.api.publish.commit").timer().takeSnapshot();
                    var sizes = api.metrics().get("relay.api.publish.batch.records").summary();
                    System.out.printf("  after %s: %d transactions so far, mean %.1f records each, mean commit %.1f ms%n", scenario,
                            commit.count(), sizes.mean(), commit.mean(java.util.concurrent.TimeUnit.MILLISECONDS));
                }
            }
        }
        print(results, threads, measured);
    }

    static Map<String, String> settings(String bootstrap, Path data) {
        Map<String, String> s = new HashMap<>();
        s.put("kafka.bootstrap.servers", bootstrap);
        s.put("topics.prefix", "bench.");
        s.put("carriers.sim.protocol", "smpp");
        s.put("numbers." + FROM + ".type", "toll-free");
        s.put("numbers." + FROM + ".route", "sim");
        s.put("api.https.port", "0");
        s.put("api.access-key.primary", KEY);
        s.put("api.data-dir", data.resolve("api").toString());
        s.put("api.instance-id", "bench");
        // -Dapi.publish.lanes=4 and the like override the API's settings for a run
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("api."))
                .forEach(name -> s.put(name, System.getProperty(name)));
        return s;
    }

    private static SSLContext trusting(Path apiCertificate, BareEndpoint bare) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(apiCertificate)) {
            trust.setCertificateEntry("api", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        trust.setCertificateEntry("bare", bare.certificate.certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static void print(List<LoadRunner.Result> results, int threads, Duration measured) {
        System.out.printf("%nproducer API load: %d cores, Java %s, %d client threads, %d s measured per scenario, HTTPS keep-alive%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), threads, measured.toSeconds());
        System.out.printf("%-32s %11s %13s %9s %9s %7s %12s %10s%n", "scenario", "requests/s", "recipients/s", "p50 ms",
                "p99 ms", "failed", "CPU us/req", "CPU use");
        for (LoadRunner.Result r : results) {
            System.out.printf("%-32s %11.0f %13.0f %9.2f %9.2f %7d %12.0f %9.0f%%%n", r.name(), r.requestsPerSecond(),
                    r.recipientsPerSecond(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.failed(),
                    r.cpuMicrosPerRequest(), 100 * r.cpuSeconds() / r.seconds());
        }
        System.out.println("CPU us/req: CPU time of this whole process (API, broker and load generator) per accepted request;"
                + " CPU use: of one core (200% = both cores of a 2-core machine).");
    }
}
