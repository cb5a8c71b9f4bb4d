package io.relaysms.api.send;

import io.relaysms.api.repeat.RepeatabilityKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Message ids in the format the real service returns, {@code Outgoing_<yyyyMMddHHmmss><uuid>} (recorded sessions;
 * clients treat them as opaque). Without repeatability the UUID is random and the time is now. With it, both come
 * from the request alone (the repeatability key's UUID and the first-sent time), so every retry of that recipient
 * gets the same id on any instance: the dispatcher, which never sends one messageId twice, then sends it once.
 */
public final class MessageIdFactory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public MessageIdFactory(Clock clock) {
        this.clock = clock;
    }

    public String random() {
        return "Outgoing_" + STAMP.format(clock.instant()) + UUID.randomUUID();
    }

    public String repeatable(RepeatabilityKey key, Instant firstSent) {
        return "Outgoing_" + STAMP.format(firstSent) + key.uuid();
    }
}
