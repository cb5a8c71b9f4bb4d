package io.relaysms.tracker;

import static io.relaysms.tracker.TestEvents.receipt;
import static io.relaysms.tracker.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaysms.config.RelaySettings;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.DeliveryReason;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.ReceiptStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tracker stopped while messages wait for receipts, and started again on an empty state folder. */
class RestartIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private final TrackerHarness harness = new TrackerHarness(kafka);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void losesNoPendingMessageReceiptOrDeadlineWhenRestartedMidFlight() {
        Instant now = Instant.now();
        RelaySettings before = harness.settings(Map.of());
        try (DeliveryTrackerService tracker = DeliveryTrackerService.start(before)) {
            harness.send(submitted("two-segments", "sim", now, "c1", "c2"));
            harness.send(DispatchEvent.newBuilder(submitted("never-receipted", "sim", now, "d1"))
                    .setDeliveryReportTimeoutSeconds(20).build());
            harness.send(receipt("sim", "c1", ReceiptStatus.DELIVRD, now));
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    harness.get(tracker.httpPort(), "/messages/two-segments/timeline").body().contains("\"carrierMessageId\":\"c1\"")
                            && harness.get(tracker.httpPort(), "/messages/never-receipted/timeline").statusCode() == 200);
        }
        assertThat(harness.reportsUntil(seen -> false, Duration.ofSeconds(1))).isEmpty();

        harness.send(receipt("sim", "c2", ReceiptStatus.DELIVRD, Instant.now()));
        // A fresh state folder: every store must come back from its changelog topic.
        try (DeliveryTrackerService restarted = DeliveryTrackerService.start(harness.settings(Map.of()))) {
            List<ConsumerRecord<String, DeliveryReport>> records = harness.reportsUntil(
                    seen -> byMessage(seen).keySet().containsAll(List.of("two-segments", "never-receipted")), Duration.ofSeconds(90));
            Map<String, DeliveryReport> reports = byMessage(records);

            assertThat(reports.get("two-segments").getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered);
            assertThat(reports.get("two-segments").getDeliveryAttempts().get(0).getSegmentsSucceeded()).isEqualTo(2);
            assertThat(reports.get("never-receipted").getReason()).isEqualTo(DeliveryReason.RECEIPT_TIMEOUT);
            assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        }
    }

    private static Map<String, DeliveryReport> byMessage(List<ConsumerRecord<String, DeliveryReport>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> a));
    }
}
