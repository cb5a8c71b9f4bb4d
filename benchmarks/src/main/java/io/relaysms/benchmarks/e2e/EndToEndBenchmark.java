package io.relaysms.benchmarks.e2e;

import io.relaysms.benchmarks.dispatch.ProducerPerfBaseline;
import io.relaysms.config.ConfigFileReader;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicSettings;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Relay end to end on this machine: messages per second from the HTTPS API to the delivery report, the latency of each
 * stage (see {@link PipelineWatch}), next to Kafka's own producer and consumer perf tools on the same broker in the same
 * run, and the platform's start-up time, memory (RSS) and CPU per stage. The platform runs as users run it, from its
 * shaded jar in a process of its own ({@link PlatformProcess}); this process is the load generator and the observer.
 *
 * <pre>
 * benchmarks/run-e2e-benchmark.sh [--messages 100000] [--duration 60] [--phases bulk,single] ...   (--help lists all)
 * </pre>
 */
public final class EndToEndBenchmark {

    private static final String DEFAULT_CONFIG = "/e2e/relay-e2e-benchmark.yaml";
    private static final String PERF_TOPIC = "e2e-kafka-perf";
    private static final int PERF_RECORD_BYTES = 300;

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        E2eOptions options;
        try {
            options = E2eOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("relay-e2e-");
        Path config = options.config().orElse(work.resolve("relay-e2e-benchmark.yaml"));
        if (options.config().isEmpty()) {
            try (InputStream in = EndToEndBenchmark.class.getResourceAsStream(DEFAULT_CONFIG)) {
                Files.write(config, in.readAllBytes());
            }
        }
        Map<String, String> settings = ConfigFileReader.read(config);
        List<String> numbers = settings.keySet().stream().filter(k -> k.startsWith("numbers.") && k.endsWith(".type"))
                .map(k -> k.substring("numbers.".length(), k.length() - ".type".length())).sorted().toList();
        byte[] accessKey = Base64.getDecoder().decode(settings.get("api.access-key.primary"));
        TopicCatalog topics = TopicCatalog.create(new TopicSettings(settings.getOrDefault("topics.prefix", ""),
                Integer.parseInt(settings.getOrDefault("topics.partitions", "6")), (short) -1), Map.of());

        Report report = new Report(options, numbers.size());
        report.loadAtStart = PhaseRun.loadAverage();
        Path log = work.resolve("platform.log");
        System.out.printf("platform: java %s -jar %s %s (log %s)%n", String.join(" ", options.jvmOptions()),
                options.jar(), config, log);
        try (PlatformProcess platform = PlatformProcess.start(options.jar(), options.jvmOptions(), config, work.resolve("data"), log,
                Duration.ofMinutes(5))) {
            ProcessProbe probe = new ProcessProbe(platform.pid());
            report.startUp = platform.startUp();
            report.reportedReadyMillis = platform.reportedReadyMillis();
            report.memoryAtReady = probe.memory();
            report.startUpCpuMillis = probe.processCpuMillis();
            report.loadAtReady = PhaseRun.loadAverage();
            platform.describe(System.out);
            System.out.printf("ready after %.1f s (%.1f CPU seconds); RSS %d MiB%n", report.startUp.toMillis() / 1000.0,
                    report.startUpCpuMillis / 1000, report.memoryAtReady.rssKiB() / 1024);

            if (options.perfRecords() > 0) {
                runKafkaPerfTools(platform.bootstrapServers(), options.perfRecords(), report);
            }
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(platform.certificate()))
                    .version(HttpClient.Version.HTTP_1_1).build();
            try (PipelineWatch watch = new PipelineWatch(platform.bootstrapServers(), topics);
                 BrokerTraffic broker = new BrokerTraffic(platform.bootstrapServers(), Set.of(PERF_TOPIC))) {
                PhaseRun phases = new PhaseRun(client, platform.endpoint(), accessKey, numbers, watch, probe, broker);
                if (options.warmUpMessages() > 0) {
                    System.out.printf("warm-up: %d messages in bulk%n", options.warmUpMessages());
                    report.warmUp = phases.run("warm-up", options.bulkRecipients(), options.threads(), options.warmUpMessages(), 0);
                    report.printPhase(report.warmUp, System.out);
                }
                for (String phase : options.phases()) {
                    System.out.printf("phase %s: %d messages, %d recipient(s) per request, %d threads%n", phase, options.messages(),
                            options.recipientsFor(phase), options.threads());
                    PhaseRun.Result result = phases.run(phase, options.recipientsFor(phase), options.threads(), options.messages(),
                            options.durationSeconds());
                    report.phases.add(result);
                    report.printPhase(result, System.out);
                    if (!platform.isAlive()) {
                        throw new IllegalStateException("the platform process ended during the run; its log: " + log);
                    }
                }
            }
            report.memoryAtEnd = probe.memory();
            report.heapAtEnd = probe.heapSummary();
        } finally {
            deleteQuietly(work.resolve("data"));
        }
        report.print(System.out);
    }

    /** The broker's log of a run holds gigabytes; the platform's log (in the parent folder) is kept. */
    private static void deleteQuietly(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void runKafkaPerfTools(String bootstrapServers, int records, Report report) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(Set.of(new NewTopic(PERF_TOPIC, 6, (short) 1))).all().get();
        }
        report.loadBeforePerf = PhaseRun.loadAverage();
        System.out.printf("Kafka producer perf tool: %d records of %d B, acks=all, 6 partitions%n", records, PERF_RECORD_BYTES);
        report.producerPerf = ProducerPerfBaseline.run(bootstrapServers, PERF_TOPIC, records, PERF_RECORD_BYTES);
        System.out.println("  " + report.producerPerf.line());
        System.out.printf("Kafka consumer perf tool: the same %d records%n", records);
        report.consumerPerf = ConsumerPerfBaseline.run(bootstrapServers, PERF_TOPIC, records);
        System.out.println("  " + report.consumerPerf.line());
        report.loadAfterPerf = PhaseRun.loadAverage();
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("relay", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
