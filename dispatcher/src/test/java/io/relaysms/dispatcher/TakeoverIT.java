package io.relaysms.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaysms.config.RelaySettings;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.SimulatorSettings;
import io.relaysms.simulator.record.Submission;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicProvisioner;
import io.relaysms.topics.TopicSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Design decision 2 end to end: a worker stopped (cleanly, or killed with SIGKILL) mid-stream and another one
 * taking its partitions over. The carrier simulator's record of submits is the judge: no messageId may be
 * submitted twice, except what the killed worker had in flight, and that is counted.
 */
class TakeoverIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private static final int MESSAGES = 1200;
    private static final int NUMBERS = 12;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private CarrierSimulator carrier;
    private Map<String, String> settings;
    private TopicCatalog topics;

    @BeforeEach
    void start() {
        carrier = CarrierSimulator.start(SimulatorSettings.of(Map.of("simulator.smpp.port", "0", "simulator.admin.port", "0",
                "simulator.behaviour.latency.min-ms", "8", "simulator.behaviour.receipt.delay.min-ms", "0",
                "simulator.behaviour.receipt.delay.max-ms", "0")));
        String prefix = kafka.uniquePrefix();
        settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("kafka.session.timeout.ms", "6000");
        settings.put("kafka.heartbeat.interval.ms", "1000");
        settings.put("topics.prefix", prefix);
        settings.put("topics.partitions", "4");
        settings.put("dispatcher.operations.port", "0");
        settings.put("dispatcher.commit.interval.ms", "50");
        settings.put("dispatcher.transaction.timeout.ms", "3000");
        settings.put("carriers.sim.protocol", "smpp");
        settings.put("carriers.sim.host", "127.0.0.1");
        settings.put("carriers.sim.port", String.valueOf(carrier.smppPort()));
        settings.put("carriers.sim.system-id", "relay");
        settings.put("carriers.sim.password", "relay");
        settings.put("carriers.sim.window", "4");
        for (int i = 0; i < NUMBERS; i++) {
            String number = number(i);
            settings.put("numbers." + number + ".type", "toll-free");
            settings.put("numbers." + number + ".route", "sim");
            settings.put("numbers." + number + ".rate-limit.per-minute", "600000");
            settings.put("numbers." + number + ".rate-limit.burst", "1000");
        }
        topics = TopicCatalog.create(new TopicSettings(prefix, 4, (short) -1), Map.of());
        try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
            new TopicProvisioner(admin, WAIT).ensure(topics);
        }
    }

    @AfterEach
    void stop() {
        carrier.close();
    }

    private static String number(int i) {
        return "+1800555" + String.format("%04d", 120 + i);
    }

    /** Writes MESSAGES requests; each text is its messageId, so the carrier's record names the message. */
    private Set<String> writeRequests() {
        Set<String> ids = new HashSet<>();
        try (TestRequests requests = new TestRequests(kafka.bootstrapServers(), topics.smsRequests())) {
            for (int i = 0; i < MESSAGES; i++) {
                var builder = TestRequests.request(number(i % NUMBERS), "+1425555" + String.format("%04d", i % 1000), "");
                String id = builder.getMessageId();
                requests.send(builder.setMessage(id).build());
                ids.add(id);
            }
            requests.flush();
        }
        return ids;
    }

    private int accepted() {
        return (int) carrier.submissions().stream().filter(Submission::accepted).count();
    }

    /** messageIds the carrier accepted more than once. */
    private Map<String, Long> submittedTwice() {
        return carrier.submissions().stream().filter(Submission::accepted).map(s -> s.text().orElse(""))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void awaitAllSubmitted(Set<String> ids) {
        try (TopicProbe<DispatchEvent> events = new TopicProbe<>(kafka.bootstrapServers(), topics.dispatchEvents().name(),
                topics.dispatchEvents().valueSerde().deserializer())) {
            await().atMost(WAIT).until(() -> events.values(e -> e.getOutcome() == DispatchOutcome.SUBMITTED).stream()
                    .map(DispatchEvent::getMessageId).collect(Collectors.toSet()).containsAll(ids));
        }
        assertThat(carrier.submissions().stream().filter(Submission::accepted).map(s -> s.text().orElse(""))
                .collect(Collectors.toSet())).containsAll(ids);
    }

    @Test
    void aWorkerStoppedCleanlyMidStreamLeavesNothingToSendTwice() {
        Set<String> ids = writeRequests();
        try (DispatcherService second = startSecondAfterFirstIsUnderWay()) {
            awaitAllSubmitted(ids);
            assertThat(submittedTwice()).isEmpty();
            assertThat(second.metrics().count("dispatcher.inflight.abandoned")).isZero();
        }
    }

    private DispatcherService startSecondAfterFirstIsUnderWay() {
        DispatcherService first = DispatcherService.start(RelaySettings.of(settings).with("dispatcher.worker.id", "worker-a"));
        DispatcherService second;
        try {
            await().atMost(WAIT).until(() -> accepted() >= MESSAGES / 5);
            second = DispatcherService.start(RelaySettings.of(settings).with("dispatcher.worker.id", "worker-b"));
            await().atMost(WAIT).until(() -> accepted() >= MESSAGES / 2);
        } finally {
            first.close();
        }
        assertThat(first.metrics().count("dispatcher.inflight.abandoned")).isZero();
        assertThat(accepted()).isLessThan(MESSAGES); // it really was stopped mid-stream
        return second;
    }

    @Test
    void aWorkerKilledMidStreamDuplicatesAtMostWhatItHadInFlight() throws Exception {
        Set<String> ids = writeRequests();
        Process worker = startWorkerProcess();
        try {
            await().atMost(WAIT).until(() -> accepted() >= MESSAGES / 3 || !worker.isAlive());
            assertThat(worker.isAlive()).as("the worker process runs (see target/worker-a.log)").isTrue();
        } finally {
            worker.destroyForcibly().waitFor();
        }
        int acceptedAtKill = accepted();
        assertThat(acceptedAtKill).isLessThan(MESSAGES);

        try (DispatcherService successor = DispatcherService.start(RelaySettings.of(settings).with("dispatcher.worker.id", "worker-b"))) {
            awaitAllSubmitted(ids);

            Map<String, Long> twice = submittedTwice();
            double unconfirmed = successor.metrics().count("dispatcher.takeover.unconfirmed");
            System.out.printf("killed after %d accepted submits: %d messageIds submitted twice, %.0f unconfirmed at take-over%n",
                    acceptedAtKill, twice.size(), unconfirmed);
            assertThat(twice.values()).allSatisfy(count -> assertThat(count).isEqualTo(2));
            assertThat((double) twice.size()).isLessThanOrEqualTo(unconfirmed);
            assertThat(successor.metrics().count("dispatcher.takeover.skipped")
                    + successor.metrics().count("dispatcher.takeover.unconfirmed")).isPositive();
        }
    }

    /** Worker A in its own JVM, so that it can be killed with SIGKILL like a crashed host. */
    private Process startWorkerProcess() throws IOException {
        Path config = Files.createTempFile("worker-a", ".properties");
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.put("dispatcher.worker.id", "worker-a");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "worker A of TakeoverIT");
        }
        Path log = Path.of("target", "worker-a.log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), DispatcherMain.class.getName(), config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void theSuccessorSkipsWhatItsPredecessorFinishedAheadOfTheCommittedOffset() {
        // A slow number holds its partition's committed offset back while the others finish: the successor must
        // learn from the events that those later requests are done.
        settings.put("numbers." + number(0) + ".rate-limit.per-minute", "60");
        settings.put("numbers." + number(0) + ".rate-limit.burst", "1");
        Set<String> ids = writeRequests();
        DispatcherService first = DispatcherService.start(RelaySettings.of(settings).with("dispatcher.worker.id", "worker-a"));
        try {
            await().atMost(WAIT).until(() -> accepted() >= MESSAGES - MESSAGES / NUMBERS);
        } finally {
            first.close();
        }
        settings.put("numbers." + number(0) + ".rate-limit.per-minute", "600000");
        settings.put("numbers." + number(0) + ".rate-limit.burst", "1000");
        try (DispatcherService second = DispatcherService.start(RelaySettings.of(settings).with("dispatcher.worker.id", "worker-b"))) {
            awaitAllSubmitted(ids);
            assertThat(submittedTwice()).isEmpty();
            assertThat(second.metrics().count("dispatcher.takeover.skipped")).isPositive();
        }
    }
}
