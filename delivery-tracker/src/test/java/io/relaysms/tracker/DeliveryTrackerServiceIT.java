package io.relaysms.tracker;

import static io.relaysms.tracker.TestEvents.receipt;
import static io.relaysms.tracker.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import io.relaysms.schemas.ReceiptStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One tracker on the shared broker: id spellings, receipts before their dispatch event, and the query API. */
class DeliveryTrackerServiceIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TrackerHarness harness;
    private static DeliveryTrackerService tracker;

    @BeforeAll
    static void start() {
        harness = new TrackerHarness(kafka);
        tracker = DeliveryTrackerService.start(harness.settings(Map.of(
                "carriers.sim.protocol", "smpp", "carriers.sim.host", "127.0.0.1", "carriers.sim.port", "2775",
                "carriers.sim.submit-id-format", "hex", "carriers.sim.receipt-id-format", "decimal")));
    }

    @AfterAll
    static void stop() {
        tracker.close();
        harness.close();
    }

    @Test
    void matchesReceiptsHoweverTheCarrierSpellsTheirIds() {
        Instant now = Instant.now();
        harness.send(submitted("hex-decimal", "sim", now, "0001E240"));
        harness.send(submitted("upper-case", "other", now, "abcdef12"));
        harness.send(submitted("zero-padded", "other", now, "000000ff"));
        harness.send(receipt("sim", "123456", ReceiptStatus.DELIVRD, now));
        harness.send(receipt("other", "ABCDEF12", ReceiptStatus.DELIVRD, now));
        harness.send(receipt("other", "FF", ReceiptStatus.UNDELIV, now));

        Map<String, DeliveryReport> reports = byMessage(harness.reportsUntil(
                seen -> byMessage(seen).keySet().containsAll(Set.of("hex-decimal", "upper-case", "zero-padded")), Duration.ofSeconds(60)));

        assertThat(reports.get("hex-decimal").getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered);
        assertThat(reports.get("upper-case").getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered);
        assertThat(reports.get("zero-padded").getDeliveryStatus()).isEqualTo(DeliveryStatus.Failed);
        assertThat(reports.get("zero-padded").getCarrierStatus()).isEqualTo("UNDELIV");
    }

    @Test
    void matchesAReceiptThatArrivesBeforeItsDispatchEvent() {
        Instant now = Instant.now();
        harness.send(receipt("sim", "48879", ReceiptStatus.DELIVRD, now));
        await().atMost(Duration.ofSeconds(30)).until(() -> metric("relay_tracker_receipts_held_total") >= 1);

        harness.send(submitted("overtaken", "sim", now, "BEEF"));

        Map<String, DeliveryReport> reports = byMessage(harness.reportsUntil(seen -> byMessage(seen).containsKey("overtaken"),
                Duration.ofSeconds(60)));
        assertThat(reports.get("overtaken").getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered);
    }

    @Test
    void servesTheAcsDeliveryReportBodyAndTheTimeline() throws Exception {
        Instant now = Instant.now();
        harness.send(submitted("queried", "sim", now, "a0", "a1"));
        harness.send(receipt("sim", "160", ReceiptStatus.DELIVRD, now));
        harness.send(receipt("sim", "161", ReceiptStatus.DELIVRD, now));

        await().atMost(Duration.ofSeconds(60)).until(() -> harness.get(tracker.httpPort(), "/deliveryReports/queried").statusCode() == 200);
        JsonNode report = JSON.readTree(harness.get(tracker.httpPort(), "/deliveryReports/queried?api-version=2026-01-23").body());
        assertThat(fieldNames(report)).containsExactlyInAnyOrder("messageId", "from", "to", "deliveryStatus", "deliveryStatusDetails",
                "deliveryAttempts", "receivedTimestamp", "tag");
        assertThat(report.get("deliveryStatus").asText()).isEqualTo("Delivered");
        assertThat(report.get("deliveryAttempts").get(0).get("segmentsSucceeded").asInt()).isEqualTo(2);
        assertThat(report.get("from").asText()).isEqualTo(TestEvents.OUR_NUMBER);

        JsonNode timeline = JSON.readTree(harness.get(tracker.httpPort(), "/messages/queried/timeline").body());
        assertThat(timeline.get("status").asText()).isEqualTo("reported");
        assertThat(timeline.get("dispatchAttempts").get(0).get("outcome").asText()).isEqualTo("SUBMITTED");
        assertThat(timeline.get("receipts")).hasSize(2);
        assertThat(timeline.get("report").get("reason").asText()).isEqualTo("DELIVERED");
        assertThat(timeline.get("report").get("deliveryStatus").asText()).isEqualTo("Delivered");
    }

    @Test
    void answersAnUnknownMessageWith404AndTheRfc7807Body() throws Exception {
        HttpResponse<String> response = harness.get(tracker.httpPort(), "/deliveryReports/Outgoing_unknown");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("type").asText()).isEqualTo("https://tools.ietf.org/html/rfc9110#section-15.5.5");
        assertThat(body.get("title").asText()).isEqualTo("Not Found");
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("traceId").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
    }

    @Test
    void reportsItsHealthAndPrometheusMetrics() {
        HttpResponse<String> health = harness.get(tracker.httpPort(), "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("delivery-reports-streams");
        assertThat(harness.get(tracker.httpPort(), "/metrics").body()).contains("relay_tracker_receipts_matched_total");
    }

    private static double metric(String name) {
        return harness.get(tracker.httpPort(), "/metrics").body().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Map<String, DeliveryReport> byMessage(List<ConsumerRecord<String, DeliveryReport>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> a));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
