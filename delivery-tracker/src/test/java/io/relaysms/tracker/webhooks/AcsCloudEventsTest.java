package io.relaysms.tracker.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.schemas.DeliveryAttempt;
import io.relaysms.schemas.DeliveryReason;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import io.relaysms.schemas.InboundMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcsCloudEventsTest {

    private final AcsCloudEvents events = new AcsCloudEvents("/relay/sms");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesADeliveryReportAsTheEventGridCloudEventWithCamelCaseAcsData() throws Exception {
        DeliveryReport report = DeliveryReport.newBuilder().setMessageId("Outgoing_1").setFrom("+18005550100").setTo("+15550001111")
                .setDeliveryStatus(DeliveryStatus.Delivered).setDeliveryStatusDetails("DELIVRD (err 000): No error.")
                .setDeliveryAttempts(List.of(DeliveryAttempt.newBuilder().setTimestamp(Instant.parse("2026-11-27T08:00:01Z"))
                        .setSegmentsSucceeded(1).setSegmentsFailed(0).build()))
                .setReceivedTimestamp(Instant.parse("2026-11-27T08:00:01Z")).setTag("t").setReason(DeliveryReason.DELIVERED).build();

        JsonNode event = json.readTree(events.deliveryReport(report));

        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("Microsoft.Communication.SMSDeliveryReportReceived");
        assertThat(event.get("id").asText()).isEqualTo("Outgoing_1");
        assertThat(event.get("subject").asText()).isEqualTo("/phonenumber/18005550100");
        assertThat(event.get("source").asText()).isEqualTo("/relay/sms");
        JsonNode data = event.get("data");
        assertThat(data.get("deliveryStatus").asText()).isEqualTo("Delivered");
        assertThat(data.get("receivedTimestamp").asText()).isEqualTo("2026-11-27T08:00:01Z");
        assertThat(data.get("deliveryAttempts").get(0).get("segmentsSucceeded").asInt()).isEqualTo(1);
        assertThat(data.has("reason")).isFalse();
    }

    @Test
    void writesAnInboundMessageAsSmsReceived() throws Exception {
        InboundMessage message = InboundMessage.newBuilder().setMessageId("Incoming_1").setFrom("+15550001111").setTo("+18005550100")
                .setMessage("STOP").setReceivedTimestamp(Instant.parse("2026-11-27T08:00:00Z")).setSegmentCount(1).build();

        JsonNode event = json.readTree(events.inbound(message));

        assertThat(event.get("type").asText()).isEqualTo("Microsoft.Communication.SMSReceived");
        assertThat(event.get("data").get("message").asText()).isEqualTo("STOP");
        assertThat(event.get("data").get("segmentCount").asInt()).isEqualTo(1);
    }
}
