package io.relaysms.optout.streams;

import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.OptOutCommand;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.SmsRequest;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Takes a record's time from the moment its value describes rather than from when it was produced: an inbound's
 * receivedTimestamp, a command's requestedAt, a report's receivedTimestamp. Opt-out ordering ("in order of
 * time") and usage windows both need that time; a record that is late on the topic then still lands in its own
 * window. A value of another type, or a nonsensical negative time, falls back to the record's own timestamp.
 */
public final class EventTimeExtractor<V> implements TimestampExtractor {

    private final Class<V> type;
    private final Function<V, Instant> time;

    private EventTimeExtractor(Class<V> type, Function<V, Instant> time) {
        this.type = type;
        this.time = time;
    }

    public static EventTimeExtractor<InboundMessage> inbound() {
        return new EventTimeExtractor<>(InboundMessage.class, InboundMessage::getReceivedTimestamp);
    }

    public static EventTimeExtractor<OptOutCommand> optOutCommands() {
        return new EventTimeExtractor<>(OptOutCommand.class, OptOutCommand::getRequestedAt);
    }

    public static EventTimeExtractor<SmsRequest> smsRequests() {
        return new EventTimeExtractor<>(SmsRequest.class, SmsRequest::getAcceptedAt);
    }

    public static EventTimeExtractor<DispatchEvent> dispatchEvents() {
        return new EventTimeExtractor<>(DispatchEvent.class, DispatchEvent::getOccurredAt);
    }

    public static EventTimeExtractor<DeliveryReport> deliveryReports() {
        return new EventTimeExtractor<>(DeliveryReport.class, DeliveryReport::getReceivedTimestamp);
    }

    public static EventTimeExtractor<OptOutState> optOuts() {
        return new EventTimeExtractor<>(OptOutState.class, OptOutState::getChangedAt);
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        if (type.isInstance(value)) {
            Instant at = time.apply(type.cast(value));
            if (at != null && at.toEpochMilli() >= 0) {
                return at.toEpochMilli();
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
