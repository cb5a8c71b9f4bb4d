package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.record.Submission;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the carrier drops every bind under load (TCP close, as a network failure) and refuses new ones for a while.
 * The dispatcher rebinds when it may and carries on: every accepted message ends with exactly one report. A submit
 * the carrier accepted but whose answer the connection lost is retried, so it reaches the carrier twice; those are
 * counted and can be no more than what was in flight (binds times window).
 */
class CarrierBindsDroppedIT {

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
    void theDispatcherRebindsAndLosesNothingWhenTheCarrierDropsItsBinds() {
        long begin = System.nanoTime();
        String prefix = kafka.uniquePrefix();
        Map<String, String> settings = PlatformUnderTest.onBroker(data, kafka.bootstrapServers(), prefix);
        PlatformUnderTest.withNumbers(settings, SENDERS, 600, 10);
        settings.put("carriers.sim.binds", String.valueOf(BINDS));
        settings.put("carriers.sim.window", String.valueOf(WINDOW));
        settings.put("carriers.sim.reconnect-initial-ms", "200");
        settings.put("carriers.sim.reconnect-max-ms", "1000");
        TopicCatalog topics = TopicCatalog.create(new TopicSettings(prefix, PARTITIONS, (short) -1), Map.of());

        try (RelayPlatform platform = PlatformUnderTest.start(settings);
             TopicTail<DeliveryReport> reports = new TopicTail<>(kafka.bootstrapServers(), topics.deliveryReports());
             ApiLoad load = ApiLoad.start(new AcsClient(platform), SENDERS, RECIPIENTS, REQUESTS, 2)) {
            CarrierSimulator carrier = platform.simulator().orElseThrow();
            await().atMost(WAIT).until(() -> accepted(carrier) >= REQUESTS * RECIPIENTS / 4);

            carrier.acceptBinds(false);
            int dropped = carrier.dropBinds(false);
            int acceptedAtDrop = accepted(carrier);
            assertThat(dropped).isEqualTo(BINDS);
            await().atMost(WAIT).until(() -> !platform.dispatcher().health().report().healthy());
            // Binds are refused until the dispatcher has tried and failed, so the refusal path is taken too.
            await().atMost(WAIT).until(() -> refusedBinds(carrier) > 0);
            carrier.acceptBinds(true);

            load.awaitFinished();
            assertThat(load.otherAnswers()).isEmpty();
            assertThat(load.answered202()).isEqualTo(REQUESTS);
            assertThat(acceptedAtDrop).as("dropped mid-load").isLessThan(REQUESTS * RECIPIENTS);
            await().atMost(WAIT).until(() -> DeliveryLedger.of(load.acceptedIds(), reports.values(), List.of()).lost().isEmpty());
            await().atMost(WAIT).until(() -> carrier.binds().size() == BINDS && platform.dispatcher().health().report().healthy());

            DeliveryLedger ledger = DeliveryLedger.of(load.acceptedIds(), reports.values(), carrier.submissions());
            System.out.println(ledger.summary("carrier dropped " + dropped + " binds after " + acceptedAtDrop + " accepts")
                    + String.format("; %.1f s", (System.nanoTime() - begin) / 1e9));
            assertThat(ledger.accepted()).isEqualTo(REQUESTS * RECIPIENTS);
            assertThat(ledger.lost()).isEmpty();
            assertThat(ledger.duplicateReports()).isEmpty();
            assertThat(ledger.duplicatesAtCarrier().values()).allSatisfy(count -> assertThat(count).isEqualTo(2));
            assertThat(ledger.duplicatesAtCarrier().size()).isLessThanOrEqualTo(BINDS * WINDOW);
        }
    }

    private static int accepted(CarrierSimulator carrier) {
        return (int) carrier.submissions().stream().filter(Submission::accepted).count();
    }

    private static double refusedBinds(CarrierSimulator carrier) {
        return carrier.meterRegistry().find("simulator.binds").tag("outcome", "refused").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
