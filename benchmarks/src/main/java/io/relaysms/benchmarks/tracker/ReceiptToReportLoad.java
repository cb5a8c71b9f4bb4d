package io.relaysms.benchmarks.tracker;

import io.relaysms.config.RelaySettings;
import io.relaysms.kafka.embedded.EmbeddedKafkaBroker;
import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicKeys;
import io.relaysms.topics.TopicSettings;
import io.relaysms.tracker.DeliveryTrackerService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end load on the delivery tracker: an embedded broker, the real service (exactly-once v2), a producer playing
 * the dispatcher and the SMPP receiver, and a read_committed consumer of sms-delivery-reports.
 *
 * <ol>
 *   <li>Baseline: one plain Kafka hop at the same rate ({@link RawKafkaBaseline}).</li>
 *   <li>Latency: {@code --messages} messages are submitted and indexed, then their receipts are sent at {@code --rate}
 *       per second; each report is timed from its message's last receipt being sent (p50/p99/max).</li>
 *   <li>Throughput: {@code --burst} messages are submitted and indexed, then all receipts are sent at once; reports/s
 *       is messages over the time from the first receipt to the last report.</li>
 * </ol>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.relaysms.benchmarks.tracker.ReceiptToReportLoad [--rate=1000 ...]}
 */
public final class ReceiptToReportLoad {

    private ReceiptToReportLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        Path state = Files.createTempDirectory("tracker-load-state");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
            System.out.println("baseline, one plain Kafka hop at " + options.rate() + "/s: "
                    + RawKafkaBaseline.measure(broker.bootstrapServers(), Math.min(options.messages(), 5_000), options.rate()));
            TopicCatalog topics = TopicCatalog.create(new TopicSettings("load.", options.partitions(), (short) 1), Map.of());
            Map<String, Long> sent = ReportWatcher.sentTimes();
            try (DeliveryTrackerService tracker = DeliveryTrackerService.start(settings(broker, options, state));
                 KafkaProducer<String, byte[]> producer = producer(broker);
                 ReportWatcher watcher = new ReportWatcher(broker.bootstrapServers(), topics.deliveryReports(), sent)) {
                Load load = new Load(topics, producer, tracker.httpPort(), options.segments(), options.configured(), sent);

                watcher.phase(options.messages());
                load.submit("paced", options.messages());
                load.receipts("paced", options.messages(), options.rate());
                await(() -> watcher.reports() >= options.messages(), Duration.ofMinutes(5));
                System.out.printf("receipt-to-report latency at %d receipts/s, %d segment(s), id formats %s, %s stores, "
                                + "commit.interval.ms=%s: %s%n", options.rate() * options.segments(), options.segments(),
                        options.configured() ? "configured" : "auto", options.stores(),
                        options.commitIntervalMs() > 0 ? options.commitIntervalMs() : "the tracker's default",
                        watcher.latencies().summary());

                watcher.phase(options.burst());
                CpuMeter cpu = new CpuMeter("relay-delivery-tracker-reports");
                load.submit("burst", options.burst());
                long start = System.nanoTime();
                load.receipts("burst", options.burst(), 0);
                await(() -> watcher.reports() >= options.burst(), Duration.ofMinutes(10));
                double seconds = (watcher.lastReportNanos() - start) / 1e9;
                System.out.printf("throughput: %d reports in %.2f s = %.0f reports/s (%d partitions, 1 stream thread)%n",
                        options.burst(), seconds, options.burst() / seconds, options.partitions());
                System.out.println("burst (dispatch events and receipts) " + cpu.perMessage(options.burst()));
                System.out.println("delivery-reports stream thread: " + load.streamThreadFigures());
            }
        } finally {
            try (var files = Files.walk(state)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static RelaySettings settings(EmbeddedKafkaBroker broker, LoadOptions options, Path state) {
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", broker.bootstrapServers());
        values.put("topics.prefix", "load.");
        values.put("topics.partitions", String.valueOf(options.partitions()));
        values.put("topics.replication.factor", "1");
        values.put("tracker.http.port", "0");
        values.put("tracker.state-dir", state.toString());
        if (options.commitIntervalMs() > 0) {
            values.put("kafka.commit.interval.ms", String.valueOf(options.commitIntervalMs()));
        }
        values.put("tracker.state-stores", options.stores());
        values.putAll(options.kafka());
        values.put("carriers." + BenchEvents.CARRIER + ".protocol", "smpp");
        if (options.configured()) {
            values.put("carriers." + BenchEvents.CARRIER + ".submit-id-format", "hex");
            values.put("carriers." + BenchEvents.CARRIER + ".receipt-id-format", "decimal");
        }
        return RelaySettings.of(values);
    }

    private static KafkaProducer<String, byte[]> producer(EmbeddedKafkaBroker broker) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("acks", "all");
        p.put("linger.ms", "1");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static void await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the load did not complete within " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Produces one phase's dispatch events and receipts. */
    private static final class Load {
        private final TopicCatalog topics;
        private final KafkaProducer<String, byte[]> producer;
        private final int httpPort;
        private final int segments;
        private final boolean decimalReceipts;
        private final Map<String, Long> sent;
        private final HttpClient http = HttpClient.newHttpClient();
        private long nextSegment = 1_000_000;
        private long indexed;
        private final Map<String, Long> firstSegments = new HashMap<>();

        Load(TopicCatalog topics, KafkaProducer<String, byte[]> producer, int httpPort, int segments, boolean decimalReceipts,
             Map<String, Long> sent) {
            this.topics = topics;
            this.producer = producer;
            this.httpPort = httpPort;
            this.segments = segments;
            this.decimalReceipts = decimalReceipts;
            this.sent = sent;
        }

        void submit(String phase, int messages) {
            Instant now = Instant.now();
            for (int i = 0; i < messages; i++) {
                String id = "Outgoing_" + phase + "_" + i;
                firstSegments.put(id, nextSegment);
                DispatchEvent event = BenchEvents.submitted(id, nextSegment, segments, now);
                nextSegment += segments;
                producer.send(new ProducerRecord<>(topics.dispatchEvents().name(), event.getFrom(),
                        topics.dispatchEvents().valueSerde().serializer().serialize(topics.dispatchEvents().name(), event)));
            }
            producer.flush();
            indexed += (long) messages * segments;
            await(() -> indexedSegments() >= indexed, Duration.ofMinutes(5));
        }

        /** Sends every segment's receipt, {@code rate} messages per second (0: as fast as possible). */
        void receipts(String phase, int messages, int rate) {
            long start = System.nanoTime();
            long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
            for (int i = 0; i < messages; i++) {
                while (System.nanoTime() - start < i * interval) {
                    LockSupport.parkNanos(50_000);
                }
                String id = "Outgoing_" + phase + "_" + i;
                long first = firstSegments.get(id);
                for (int s = 0; s < segments; s++) {
                    if (s == segments - 1) {
                        sent.put(id, System.nanoTime());
                    }
                    CarrierReceipt receipt = BenchEvents.receipt(first + s, decimalReceipts, first, Instant.now());
                    producer.send(new ProducerRecord<>(topics.carrierReceipts().name(),
                            TopicKeys.receipt(receipt.getCarrierId(), receipt.getCarrierMessageId()),
                            topics.carrierReceipts().valueSerde().serializer().serialize(topics.carrierReceipts().name(), receipt)));
                }
            }
            producer.flush();
        }

        /** The Streams figures that explain the latency: how long commits (transactions) take and how often they run. */
        String streamThreadFigures() {
            return scrape().lines()
                    .filter(line -> line.startsWith("kafka_stream_thread_commit_latency_avg")
                            || line.startsWith("kafka_stream_thread_commit_latency_max")
                            || line.startsWith("kafka_stream_thread_commit_rate"))
                    .filter(line -> line.contains("application=\"reports\""))
                    .map(line -> line.substring(0, line.indexOf('{')) + " " + line.substring(line.lastIndexOf(' ') + 1))
                    .sorted().reduce((a, b) -> a + ", " + b).orElse("n/a");
        }

        private String scrape() {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                return "";
            }
        }

        private double indexedSegments() {
            return scrape().lines().filter(line -> line.startsWith("relay_tracker_submissions_indexed_total"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        }
    }
}
