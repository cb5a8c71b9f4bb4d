package io.relaysms.tracker.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.tracker.acs.AcsDeliveryReport;
import io.relaysms.tracker.acs.AcsReceivedMessage;
import io.relaysms.tracker.reports.ReportView;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Turns reports and inbound messages into CloudEvents 1.0 in structured JSON mode, as Event Grid's CloudEvents schema
 * delivers ACS SMS events: {@code type} the Event Grid type name, {@code id} the messageId, {@code subject}
 * {@code /phonenumber/<digits of our number>}, {@code data} the ACS event data in camelCase.
 */
public final class AcsCloudEvents {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final ObjectMapper DATA = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private final URI source;
    private final JsonFormat format = new JsonFormat();

    public AcsCloudEvents(String source) {
        this.source = URI.create(source);
    }

    public byte[] deliveryReport(DeliveryReport report) {
        return event(report.getMessageId(), EventKind.DELIVERY_REPORTS, report.getFrom(), report.getReceivedTimestamp(),
                AcsDeliveryReport.of(ReportView.from(report)));
    }

    public byte[] inbound(InboundMessage message) {
        return event(message.getMessageId(), EventKind.INBOUND, message.getTo(), message.getReceivedTimestamp(),
                AcsReceivedMessage.of(message));
    }

    private byte[] event(String id, EventKind kind, String ourNumber, Instant time, Object data) {
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(id)
                    .withSource(source)
                    .withType(kind.eventType())
                    .withSubject("/phonenumber/" + ourNumber.replaceAll("[^0-9A-Za-z]", ""))
                    .withTime(OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(DATA.writeValueAsBytes(data))
                    .build();
            return format.serialize(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the data of event " + id, e);
        }
    }
}
