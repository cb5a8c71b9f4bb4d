package io.relaysms.tracker.webhooks;

import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which topics a subscriber reads, and what it gets from each record: the CloudEvent of a delivery report (only for
 * messages sent with enableDeliveryReport, as ACS does) or of an inbound message. Records are read here rather than by
 * the consumer, so one that cannot be read fails alone instead of stopping the consumer.
 */
final class WebhookEvents {

    /** An event ready to send. */
    record Event(String id, byte[] body) {
    }

    private final Topic<String, DeliveryReport> reports;
    private final Topic<String, InboundMessage> inbound;
    private final AcsCloudEvents cloudEvents;

    WebhookEvents(TopicCatalog topics, AcsCloudEvents cloudEvents) {
        this.reports = topics.deliveryReports();
        this.inbound = topics.inbound();
        this.cloudEvents = cloudEvents;
    }

    List<String> topicsFor(WebhookSubscription subscription) {
        List<String> names = new ArrayList<>();
        if (subscription.wants(EventKind.DELIVERY_REPORTS)) {
            names.add(reports.name());
        }
        if (subscription.wants(EventKind.INBOUND)) {
            names.add(inbound.name());
        }
        return names;
    }

    /** The event for this record, or empty when the subscriber is not to get it; throws when the record is unreadable. */
    Optional<Event> eventOf(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(reports.name())) {
            DeliveryReport report = reports.valueSerde().deserializer().deserialize(record.topic(), record.value());
            return report == null || !report.getEnableDeliveryReport() ? Optional.empty()
                    : Optional.of(new Event(report.getMessageId(), cloudEvents.deliveryReport(report)));
        }
        if (record.topic().equals(inbound.name())) {
            InboundMessage message = inbound.valueSerde().deserializer().deserialize(record.topic(), record.value());
            return message == null ? Optional.empty() : Optional.of(new Event(message.getMessageId(), cloudEvents.inbound(message)));
        }
        return Optional.empty();
    }
}
