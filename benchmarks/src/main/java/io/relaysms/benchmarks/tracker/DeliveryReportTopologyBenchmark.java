package io.relaysms.benchmarks.tracker;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicKeys;
import io.relaysms.topics.TopicSettings;
import io.relaysms.tracker.ids.CarrierIdFormats;
import io.relaysms.tracker.ids.IdFormat;
import io.relaysms.tracker.ids.MatchKeys;
import io.relaysms.tracker.ids.RouteIdFormats;
import io.relaysms.tracker.metrics.TrackerMetrics;
import io.relaysms.tracker.reports.DeliveryReportTopology;
import io.relaysms.tracker.reports.ReportSettings;
import io.relaysms.tracker.streams.StoreKind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The delivery-report topology's own cost, without a broker: one operation submits a message of {@code segments}
 * segments, receipts every segment and reads the one report, through a {@link TopologyTestDriver} with the real
 * stores, serdes and both repartition steps run in-process. Note that the driver commits after every input record,
 * and a Kafka Streams commit flushes every store (RocksDB writes its memtable to disk): with {@code stores=rocksdb}
 * this measures that flush far more often than a running application does (every commit.interval.ms); with
 * {@code stores=in-memory} it measures the processing itself. Throughput is reports/s on one thread; each iteration
 * also prints the benchmark thread's CPU time per operation, which a machine busy with other work inflates far less
 * than it does throughput.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DeliveryReportTopologyBenchmark {

    /** {@code auto}: formats not configured (every reading tried); {@code configured}: hex submit ids, decimal receipts. */
    @Param({"auto", "configured"})
    public String idFormats;

    @Param({"1", "3"})
    public int segments;

    /** Where the stores keep state: {@code rocksdb} (default of the service) or {@code in-memory}. */
    @Param({"rocksdb", "in-memory"})
    public String stores;

    private TopologyTestDriver driver;
    private TestInputTopic<String, DispatchEvent> dispatch;
    private TestInputTopic<String, CarrierReceipt> receipts;
    private TestOutputTopic<String, DeliveryReport> reports;
    private Path stateDirectory;
    private long nextSegment = 1_000_000;
    private long message;
    private long iterationStartCpu;
    private long iterationStartMessage;

    @Setup(Level.Trial)
    public void start() throws IOException {
        TopicCatalog topics = TopicCatalog.create(TopicSettings.defaults(), Map.of());
        CarrierIdFormats formats = "configured".equals(idFormats)
                ? CarrierIdFormats.of(Map.of(BenchEvents.CARRIER, new RouteIdFormats(IdFormat.HEX, IdFormat.DECIMAL)))
                : CarrierIdFormats.allAuto();
        ReportSettings settings = new ReportSettings(Duration.ofHours(72), Duration.ofHours(72), Duration.ofDays(7), Duration.ofSeconds(1));
        DeliveryReportTopology topology = new DeliveryReportTopology(topics, new MatchKeys(formats), settings,
                StoreKind.parse(stores).orElseThrow(), new TrackerMetrics(new SimpleMeterRegistry()));
        stateDirectory = Files.createTempDirectory("report-benchmark");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "report-benchmark");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        driver = new TopologyTestDriver(topology.build(), props);
        dispatch = driver.createInputTopic(topics.dispatchEvents().name(), Serdes.String().serializer(),
                topics.dispatchEvents().valueSerde().serializer());
        receipts = driver.createInputTopic(topics.carrierReceipts().name(), Serdes.String().serializer(),
                topics.carrierReceipts().valueSerde().serializer());
        reports = driver.createOutputTopic(topics.deliveryReports().name(), Serdes.String().deserializer(),
                topics.deliveryReports().valueSerde().deserializer());
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        iterationStartCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        iterationStartMessage = message;
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        long operations = message - iterationStartMessage;
        if (operations > 0) {
            double micros = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - iterationStartCpu) / 1e3 / operations;
            System.out.printf("  [thread CPU %.1f µs per operation over %d operations]%n", micros, operations);
        }
    }

    @Benchmark
    public DeliveryReport submitReceiptAndReport() {
        Instant now = Instant.now();
        long first = nextSegment;
        nextSegment += segments;
        DispatchEvent event = BenchEvents.submitted("Outgoing_bench_" + message++, first, segments, now);
        dispatch.pipeInput(event.getFrom(), event);
        boolean decimal = "configured".equals(idFormats);
        for (int s = 0; s < segments; s++) {
            CarrierReceipt receipt = BenchEvents.receipt(first + s, decimal, first, now);
            receipts.pipeInput(TopicKeys.receipt(receipt.getCarrierId(), receipt.getCarrierMessageId()), receipt);
        }
        return reports.readValue();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        driver.close();
        try (var files = Files.walk(stateDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
