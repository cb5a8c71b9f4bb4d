package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaysms.dispatcher.DispatcherMain;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.record.Submission;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: one of two dispatcher workers dies mid-load (SIGKILL of its JVM, as dispatcher's TakeoverIT does it, since a
 * thread cannot be killed the way a crashed host dies) and the platform's own dispatcher takes its partitions over.
 * Every message the API accepted ends with exactly one report; what reaches the carrier twice is only what the dead
 * worker had in flight, bounded by what its successor found unconfirmed.
 */
class DispatcherKilledIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int PARTITIONS = 4;
    private static final List<String> SENDERS = PlatformUnderTest.sendersOnEveryPartition(PARTITIONS, 2);
    private static final int REQUESTS = 8;
    private static final int RECIPIENTS = 100;
    private static final int BINDS = 2;
    private static final int WINDOW = 32;

    @TempDir
    Path data;

    @Test
    void aWorkerKilledMidLoadLosesNothingAndDuplicatesAtMostWhatItHadInFlight() throws Exception {
        long begin = System.nanoTime();
        String prefix = kafka.uniquePrefix();
        Map<String, String> settings = PlatformUnderTest.onBroker(data, kafka.bootstrapServers(), prefix);
        // 10 messages a second per number, 80 in all: the load takes about ten seconds to dispatch, so the kill lands in it.
        PlatformUnderTest.withNumbers(settings, SENDERS, 600, 10);
        settings.put("kafka.session.timeout.ms", "6000");
        settings.put("kafka.heartbeat.interval.ms", "1000");
        settings.put("dispatcher.transaction.timeout.ms", "3000");
        settings.put("dispatcher.worker.id", "worker-a");
        settings.put("carriers.sim.binds", String.valueOf(BINDS));
        settings.put("carriers.sim.window", String.valueOf(WINDOW));
        TopicCatalog topics = TopicCatalog.create(new TopicSettings(prefix, PARTITIONS, (short) -1), Map.of());

        try (RelayPlatform platform = PlatformUnderTest.start(settings);
             TopicTail<DispatchEvent> events = new TopicTail<>(kafka.bootstrapServers(), topics.dispatchEvents());
             TopicTail<DeliveryReport> reports = new TopicTail<>(kafka.bootstrapServers(), topics.deliveryReports())) {
            CarrierSimulator carrier = platform.simulator().orElseThrow();
            settings.put("carriers.sim.port", String.valueOf(carrier.smppPort()));
            Process workerB = startWorkerProcess(settings, "worker-b");
            ApiLoad load;
            Set<Integer> partitionsOfB;
            List<String> sendersOfB;
            long acceptedFromB;
            int acceptedAtKill;
            try {
                String group = prefix + "relay-dispatcher";
                await().atMost(WAIT).until(() -> (!partitionsOf(group, "worker-a").isEmpty() && !partitionsOf(group, "worker-b").isEmpty())
                        || !workerB.isAlive());
                assertThat(workerB.isAlive()).as("worker B runs (see target/worker-b.log)").isTrue();
                partitionsOfB = partitionsOf(group, "worker-b");
                sendersOfB = SENDERS.stream()
                        .filter(sender -> partitionsOfB.contains(PlatformUnderTest.partitionOf(sender, PARTITIONS))).toList();

                load = ApiLoad.start(new AcsClient(platform), SENDERS, RECIPIENTS, REQUESTS, 2);
                // The carrier's record, not the events topic, says when B is under way: it is immediate.
                await().atMost(WAIT).until(() -> acceptedFrom(carrier, sendersOfB) >= 40 || !workerB.isAlive());
                assertThat(workerB.isAlive()).isTrue();
            } finally {
                workerB.destroyForcibly().waitFor();
            }
            acceptedFromB = acceptedFrom(carrier, sendersOfB);
            acceptedAtKill = accepted(carrier);
            load.awaitFinished();
            assertThat(load.otherAnswers()).isEmpty();
            assertThat(load.answered202()).isEqualTo(REQUESTS);
            assertThat(acceptedAtKill).as("killed mid-load").isLessThan(REQUESTS * RECIPIENTS);

            await().atMost(WAIT).until(() -> DeliveryLedger.of(load.acceptedIds(), reports.values(), List.of()).lost().isEmpty());
            DeliveryLedger ledger = DeliveryLedger.of(load.acceptedIds(), reports.values(), carrier.submissions());
            double unconfirmed = platform.dispatcher().metrics().count("dispatcher.takeover.unconfirmed");
            System.out.println(ledger.summary("dispatcher killed after " + acceptedAtKill + " carrier accepts (" + acceptedFromB
                    + " of them by the killed worker)") + String.format("; successor found %.0f unconfirmed; %.1f s", unconfirmed,
                    (System.nanoTime() - begin) / 1e9));

            assertThat(ledger.accepted()).isEqualTo(REQUESTS * RECIPIENTS);
            assertThat(ledger.lost()).isEmpty();
            assertThat(ledger.duplicateReports()).isEmpty();
            assertThat(ledger.duplicatesAtCarrier().values()).allSatisfy(count -> assertThat(count).isEqualTo(2));
            // At least once: what the dead worker submitted without committing its outcome goes again, and no more: its
            // accepted submits plus one window per bind still in flight. (dispatcher_takeover_unconfirmed is no bound
            // here: a worker killed before its first commit on a partition leaves its successor nothing to count.)
            assertThat((long) ledger.duplicatesAtCarrier().size()).isLessThanOrEqualTo(acceptedFromB + BINDS * WINDOW);
            assertThat(events.values()).as("worker A took a partition of worker B over")
                    .anyMatch(e -> "worker-a".equals(String.valueOf(e.getWorkerId())) && partitionsOfB.contains(e.getSourcePartition()));
        }
    }

    private static int accepted(CarrierSimulator carrier) {
        return (int) carrier.submissions().stream().filter(Submission::accepted).count();
    }

    /** The sms-requests partitions the group has given to that worker's consumer. */
    private Set<Integer> partitionsOf(String group, String workerId) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .filter(member -> member.clientId().equals(workerId + "-requests"))
                    .flatMap(member -> member.assignment().topicPartitions().stream())
                    .map(TopicPartition::partition).collect(Collectors.toSet());
        }
    }

    private static long acceptedFrom(CarrierSimulator carrier, List<String> senders) {
        return carrier.submissions().stream().filter(Submission::accepted)
                .filter(s -> senders.stream().anyMatch(sender -> s.sourceAddr().endsWith(sender.substring(1)))).count();
    }

    /** A second dispatcher in its own JVM with the platform's dispatcher settings, so that it can be SIGKILLed. */
    private Process startWorkerProcess(Map<String, String> settings, String workerId) throws IOException {
        Properties properties = new Properties();
        settings.forEach((key, value) -> {
            if (key.startsWith("kafka.") || key.startsWith("topics.") || key.startsWith("carriers.") || key.startsWith("numbers.")
                    || key.startsWith("dispatcher.")) {
                properties.put(key, value);
            }
        });
        properties.put("dispatcher.worker.id", workerId);
        properties.put("dispatcher.operations.port", "0");
        Path config = data.resolve(workerId + ".properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "second dispatcher of DispatcherKilledIT");
        }
        Path log = Path.of("target", workerId + ".log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), DispatcherMain.class.getName(), config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
