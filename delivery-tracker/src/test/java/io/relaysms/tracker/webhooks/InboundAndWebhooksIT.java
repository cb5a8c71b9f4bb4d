package io.relaysms.tracker.webhooks;

import static io.relaysms.tracker.TestEvents.part;
import static io.relaysms.tracker.TestEvents.receipt;
import static io.relaysms.tracker.TestEvents.submitted;
import static io.relaysms.tracker.TestEvents.withUdh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.ReceiptStatus;
import io.relaysms.tracker.DeliveryTrackerService;
import io.relaysms.tracker.TrackerHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tracker with a working subscriber and a failing one: inbound reassembly, signed CloudEvents, retries, dead letters. */
class InboundAndWebhooksIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private static final String SECRET = "test-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TrackerHarness harness;
    private static WebhookReceiver working;
    private static WebhookReceiver failing;
    private static DeliveryTrackerService tracker;

    @BeforeAll
    static void start() {
        harness = new TrackerHarness(kafka);
        working = new WebhookReceiver(200);
        failing = new WebhookReceiver(503);
        tracker = DeliveryTrackerService.start(harness.settings(Map.ofEntries(
                Map.entry("webhooks.crm.url", working.url()),
                Map.entry("webhooks.crm.secret", SECRET),
                Map.entry("webhooks.broken.url", failing.url()),
                Map.entry("webhooks.broken.events", "delivery-reports"),
                Map.entry("webhooks.broken.secret", SECRET),
                Map.entry("tracker.webhooks.initial-backoff", "100ms"),
                Map.entry("tracker.webhooks.max-backoff", "300ms"),
                Map.entry("tracker.webhooks.give-up-after", "3s"),
                Map.entry("tracker.webhooks.new-subscriber-start", "earliest"))));
    }

    @AfterAll
    static void stop() {
        tracker.close();
        working.close();
        failing.close();
        harness.close();
    }

    @Test
    void reassemblesALongInboundMessageAndPushesItAsASignedCloudEvent() throws Exception {
        Instant now = Instant.now();
        harness.send(part(0, 0x40, withUdh(42, 3, 2, ascii("is split in ")), now).build());
        harness.send(part(0, 0x40, withUdh(42, 3, 1, ascii("This reply ")), now).build());
        harness.send(part(0, 0x40, withUdh(42, 3, 3, ascii("three parts.")), now).build());

        List<ConsumerRecord<String, InboundMessage>> inbound = harness.read(harness.topics().inbound().name(),
                harness.topics().inbound().valueSerde().deserializer(), seen -> !seen.isEmpty(), Duration.ofSeconds(60));
        assertThat(inbound).singleElement().satisfies(r -> {
            assertThat(r.value().getMessage()).isEqualTo("This reply is split in three parts.");
            assertThat(r.value().getSegmentCount()).isEqualTo(3);
        });

        WebhookReceiver.Received request = await().atMost(Duration.ofSeconds(30))
                .until(() -> find(working, "Microsoft.Communication.SMSReceived"), Optional::isPresent).orElseThrow();
        assertThat(request.header("Content-Type")).startsWith("application/cloudevents+json");
        String timestamp = request.header("X-Relay-Signature-Timestamp");
        assertThat(request.header("X-Relay-Signature")).isEqualTo("sha256=" + hmac(timestamp + "." + new String(request.body(), StandardCharsets.UTF_8)));
        JsonNode event = JSON.readTree(request.body());
        assertThat(event.get("id").asText()).isEqualTo(inbound.get(0).value().getMessageId());
        assertThat(event.get("data").get("message").asText()).isEqualTo("This reply is split in three parts.");
        assertThat(event.get("data").get("segmentCount").asInt()).isEqualTo(3);
    }

    @Test
    void pushesDeliveryReportsOnlyForMessagesSentWithEnableDeliveryReport() throws Exception {
        Instant now = Instant.now();
        harness.send(DispatchEvent.newBuilder(submitted("quiet", "sim", now, "q1")).setEnableDeliveryReport(false).build());
        harness.send(submitted("wanted", "sim", now, "w1"));
        harness.send(receipt("sim", "q1", ReceiptStatus.DELIVRD, now));
        harness.send(receipt("sim", "w1", ReceiptStatus.DELIVRD, now));

        WebhookReceiver.Received request = await().atMost(Duration.ofSeconds(60))
                .until(() -> findId(working, "wanted"), Optional::isPresent).orElseThrow();
        JsonNode event = JSON.readTree(request.body());
        assertThat(event.get("type").asText()).isEqualTo("Microsoft.Communication.SMSDeliveryReportReceived");
        assertThat(event.get("data").get("deliveryStatus").asText()).isEqualTo("Delivered");
        await().atMost(Duration.ofSeconds(30)).until(() -> metricAtLeast("relay_tracker_webhook_events_total",
                "outcome=\"not-requested\"", "subscriber=\"crm\""));
        assertThat(findId(working, "quiet")).isEmpty();
    }

    @Test
    void retriesAFailingSubscriberThenDeadLettersTheEventWithoutHoldingUpTheOther() throws Exception {
        Instant now = Instant.now();
        harness.send(submitted("undeliverable", "sim", now, "u1"));
        harness.send(receipt("sim", "u1", ReceiptStatus.DELIVRD, now));

        await().atMost(Duration.ofSeconds(60)).until(() -> findId(working, "undeliverable").isPresent());
        List<ConsumerRecord<String, byte[]>> dead = harness.read(harness.topics().webhookDeadLetters().name(),
                new ByteArrayDeserializer(), seen -> seen.stream().anyMatch(r -> r.key().equals("undeliverable")), Duration.ofSeconds(60));

        ConsumerRecord<String, byte[]> letter = dead.stream().filter(r -> r.key().equals("undeliverable")).findFirst().orElseThrow();
        assertThat(new String(letter.headers().lastHeader("relay.webhook.subscriber").value(), StandardCharsets.UTF_8)).isEqualTo("broken");
        assertThat(Integer.parseInt(new String(letter.headers().lastHeader("relay.webhook.attempts").value(), StandardCharsets.UTF_8)))
                .isGreaterThanOrEqualTo(3);
        assertThat(new String(letter.headers().lastHeader("relay.webhook.error").value(), StandardCharsets.UTF_8)).contains("HTTP 503");
        assertThat(JSON.readTree(letter.value()).get("id").asText()).isEqualTo("undeliverable");
        assertThat(failing.requests()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void reportsEachSubscribersPumpInItsHealth() {
        String health = harness.get(tracker.httpPort(), "/health").body();

        assertThat(health).contains("\"webhook-crm\":{\"healthy\":true").contains("\"webhook-broken\":{\"healthy\":true");
    }

    private static Optional<WebhookReceiver.Received> find(WebhookReceiver receiver, String type) {
        return receiver.received().stream().filter(r -> field(r, "type").equals(type)).findFirst();
    }

    private static Optional<WebhookReceiver.Received> findId(WebhookReceiver receiver, String id) {
        return receiver.received().stream().filter(r -> field(r, "id").equals(id)).findFirst();
    }

    private static String field(WebhookReceiver.Received request, String name) {
        try {
            return JSON.readTree(request.body()).get(name).asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static boolean metricAtLeast(String name, String... labels) {
        return harness.get(tracker.httpPort(), "/metrics").body().lines()
                .filter(line -> line.startsWith(name + "{") && List.of(labels).stream().allMatch(line::contains))
                .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1);
    }

    private static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
