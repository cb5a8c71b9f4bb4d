package io.relaysms.optout.autoreply;

import io.relaysms.optout.state.OptOutEvent;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds the {@code sms-requests} record of an automatic reply: from the number the keyword was sent to, to the
 * recipient who sent it, {@code origin = AUTO_REPLY} (the dispatcher sends it even to a recipient who just opted
 * out: it is the confirmation of that opt-out) and {@code autoReplyTo} = the inbound messageId.
 *
 * <p>The messageId is derived from the inbound messageId alone, in the ACS shape
 * {@code Outgoing_<yyyyMMddHHmmss><uuid>} (time of the inbound, name-based UUID). A replayed Streams task, or a
 * configuration change between two runs, therefore produces the same id, and the dispatcher, which never
 * submits one messageId twice, sends at most one reply per inbound.
 */
public final class AutoReplyRequests {

    private static final DateTimeFormatter ACS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Duration validity;

    public AutoReplyRequests(Duration validity) {
        this.validity = validity;
    }

    public static String messageIdFor(String inboundMessageId, long inboundTime) {
        UUID uuid = UUID.nameUUIDFromBytes(("relay-auto-reply|" + inboundMessageId).getBytes(StandardCharsets.UTF_8));
        return "Outgoing_" + ACS_TIME.format(Instant.ofEpochMilli(inboundTime)) + uuid;
    }

    /** The reply to a keyword event, decided at {@code now} (wall-clock milliseconds). */
    public SmsRequest reply(OptOutEvent event, String text, long now) {
        MessageSegments segments = MessageSegments.of(text);
        return SmsRequest.newBuilder()
                .setMessageId(messageIdFor(event.causeId(), event.occurredAt()))
                .setFrom(event.sender())
                .setTo(event.recipient())
                .setMessage(text)
                .setSegmentCount(segments.count())
                .setEncoding(segments.encoding())
                .setEnableDeliveryReport(false)
                .setTag("relay-auto-reply:" + event.kind().configName())
                .setAcceptedAt(Instant.ofEpochMilli(now))
                .setValidUntil(Instant.ofEpochMilli(now).plus(validity))
                .setOrigin(RequestOrigin.AUTO_REPLY)
                .setAutoReplyTo(event.causeId())
                .build();
    }
}
