package io.relaysms.api.send;

import io.relaysms.api.segment.MessageSegments;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns one accepted recipient into its {@code sms-requests} record: origin API, keyed by the canonical sender so
 * that one dispatcher owns the number (design decision 1), serialized here on the request thread so the publisher
 * only moves bytes.
 */
public final class SmsRecordFactory {

    private final Topic<String, SmsRequest> topic;
    private final Duration defaultValidity;

    public SmsRecordFactory(Topic<String, SmsRequest> topic, Duration defaultValidity) {
        this.topic = topic;
        this.defaultValidity = defaultValidity;
    }

    /** The fields every recipient of one request shares. */
    public record Common(String from, String message, MessageSegments segments, SendSmsRequest.Options options,
                         Instant acceptedAt, Optional<String> clientRequestId) {
    }

    public SmsRequest record(Common common, String messageId, String to, Optional<String> repeatabilityRequestId,
                             Optional<Instant> repeatabilityFirstSent) {
        Duration validity = common.options().validityPeriodSeconds().map(Duration::ofSeconds).orElse(defaultValidity);
        return SmsRequest.newBuilder()
                .setMessageId(messageId)
                .setFrom(common.from())
                .setTo(to)
                .setMessage(common.message())
                .setSegmentCount(common.segments().count())
                .setEncoding(common.segments().encoding())
                .setEnableDeliveryReport(common.options().enableDeliveryReport())
                .setTag(common.options().tag().orElse(null))
                .setDeliveryReportTimeoutSeconds(common.options().deliveryReportTimeoutSeconds().orElse(null))
                .setRepeatabilityRequestId(repeatabilityRequestId.orElse(null))
                .setRepeatabilityFirstSent(repeatabilityFirstSent.orElse(null))
                .setAcceptedAt(common.acceptedAt())
                .setValidUntil(common.acceptedAt().plus(validity))
                .setClientRequestId(common.clientRequestId().orElse(null))
                .setOrigin(RequestOrigin.API)
                .setAutoReplyTo(null)
                .build();
    }

    public ProducerRecord<byte[], byte[]> serialize(SmsRequest request) {
        return new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), request.getFrom()),
                topic.valueSerde().serializer().serialize(topic.name(), request));
    }
}
