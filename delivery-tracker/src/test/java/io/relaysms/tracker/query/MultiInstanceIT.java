package io.relaysms.tracker.query;

import static io.relaysms.tracker.TestEvents.receipt;
import static io.relaysms.tracker.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.ReceiptStatus;
import io.relaysms.tracker.DeliveryTrackerService;
import io.relaysms.tracker.TrackerHarness;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two tracker instances share the work; either answers for any message, forwarding to the one that holds it. */
class MultiInstanceIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private static TrackerHarness harness;
    private static DeliveryTrackerService first;
    private static DeliveryTrackerService second;

    @BeforeAll
    static void start() {
        harness = new TrackerHarness(kafka);
        first = DeliveryTrackerService.start(harness.settings(Map.of()));
        second = DeliveryTrackerService.start(harness.settings(Map.of()));
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        harness.close();
    }

    @Test
    void eitherInstanceAnswersForEveryMessage() {
        Instant now = Instant.now();
        List<String> ids = IntStream.range(0, 8).mapToObj(i -> "spread-" + i).toList();
        for (int i = 0; i < ids.size(); i++) {
            harness.send(submitted(ids.get(i), "sim", now, "s" + i));
            harness.send(receipt("sim", "s" + i, ReceiptStatus.DELIVRD, now));
        }

        for (String id : ids) {
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    harness.get(first.httpPort(), "/deliveryReports/" + id).statusCode() == 200
                            && harness.get(second.httpPort(), "/deliveryReports/" + id).statusCode() == 200);
            HttpResponse<String> viaFirst = harness.get(first.httpPort(), "/deliveryReports/" + id);
            HttpResponse<String> viaSecond = harness.get(second.httpPort(), "/deliveryReports/" + id);
            assertThat(viaFirst.body()).isEqualTo(viaSecond.body()).contains("\"messageId\":\"" + id + "\"");
        }
        assertThat(forwarded(first) + forwarded(second)).isGreaterThanOrEqualTo(ids.size());
    }

    private static double forwarded(DeliveryTrackerService instance) {
        return harness.get(instance.httpPort(), "/metrics").body().lines()
                .filter(line -> line.startsWith("relay_tracker_queries_forwarded_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
