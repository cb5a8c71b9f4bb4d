package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaysms.config.ServiceConfig;
import io.relaysms.kafka.embedded.EmbeddedKafkaBroker;
import io.relaysms.runtime.KafkaEnvironment;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.topics.TopicCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the platform's embedded broker stops under load and comes back on the same ports and folder. Meanwhile the
 * API answers 503 with Retry-After (never a 202 it cannot keep); afterwards it takes requests again, and every request
 * answered 202, before, during or after, ends with exactly one report. The services are not restarted. This test
 * stops its broker, so it runs the platform's own.
 */
class BrokerRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final List<String> SENDERS = PlatformUnderTest.sendersOnEveryPartition(4, 1);
    private static final int RECIPIENTS = 20;
    private static final int BINDS = 2;
    private static final int WINDOW = 32;

    @TempDir
    Path data;

    @Test
    void everyRequestAnswered202EndsWithExactlyOneReportAcrossABrokerRestart() {
        long begin = System.nanoTime();
        Map<String, String> settings = PlatformUnderTest.withQuickCarrier(PlatformUnderTest.demoSettings(data));
        settings.put("topics.partitions", "4");
        settings.put("carriers.sim.binds", String.valueOf(BINDS));
        settings.put("carriers.sim.window", String.valueOf(WINDOW));
        PlatformUnderTest.withNumbers(settings, SENDERS, 60_000, 100);
        settings.put("api.publish.timeout", "3s");
        settings.put("api.retry-after-seconds", "2");
        // A carrier keeps offering a receipt the SMSC client could not take (ESME_RSYSERR while Kafka is away).
        settings.put("simulator.delivery.max-attempts", "1000");

        try (RelayPlatform platform = PlatformUnderTest.start(settings)) {
            EmbeddedKafkaBroker broker = platform.broker().orElseThrow();
            CarrierSimulator carrier = platform.simulator().orElseThrow();
            TopicCatalog topics = new KafkaEnvironment(new ServiceConfig(PlatformConfig.NAMESPACE, PlatformConfig.definition(),
                    platform.settings())).topics();
            try (TopicTail<DeliveryReport> reports = new TopicTail<>(broker.bootstrapServers(), topics.deliveryReports());
                 ApiLoad load = ApiLoad.start(new AcsClient(platform), SENDERS, RECIPIENTS, 2_000, 2)) {
                await().atMost(WAIT).until(() -> load.answered202() >= 10);

                broker.stop();
                int acceptedBeforeOutage = load.answered202();
                await().atMost(WAIT).until(() -> load.unavailableAnswers().size() >= 2);
                await().atMost(WAIT).until(() -> !platform.api().health().report().healthy());
                broker.start();
                int acceptedWhileDown = load.answered202() - acceptedBeforeOutage;
                int answeredAtRestart = load.answered202();

                await().atMost(WAIT).until(() -> load.answered202() >= answeredAtRestart + 10);
                load.stop();
                assertThat(load.otherAnswers()).isEmpty();
                assertThat(load.unavailableAnswers()).allMatch("2"::equals);

                await().atMost(WAIT).until(() -> DeliveryLedger.of(load.acceptedIds(), reports.values(), List.of()).lost().isEmpty());
                DeliveryLedger ledger = DeliveryLedger.of(load.acceptedIds(), reports.values(), carrier.submissions());
                System.out.println(ledger.summary("broker restarted under load (" + load.answered202() + " requests answered 202, "
                        + acceptedWhileDown + " of them answered while it was down, " + load.unavailableAnswers().size() + " answered 503)")
                        + String.format("; %.1f s", (System.nanoTime() - begin) / 1e9));
                assertThat(ledger.lost()).isEmpty();
                assertThat(ledger.duplicateReports()).isEmpty();
                assertThat(ledger.duplicatesAtCarrier().values()).allSatisfy(count -> assertThat(count).isEqualTo(2));
                // Only a submit in flight when its outcome could not be committed may go twice: at most one window per bind.
                assertThat(ledger.duplicatesAtCarrier().size()).isLessThanOrEqualTo(BINDS * WINDOW);
                assertThat(platform.api().health().report().healthy()).isTrue();
            }
        }
    }
}
