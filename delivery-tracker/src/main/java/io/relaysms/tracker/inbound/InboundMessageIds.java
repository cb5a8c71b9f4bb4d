package io.relaysms.tracker.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Ids of inbound messages as ACS writes them: {@code Incoming_<yyyyMMddHHmmss><uuid>}, the time in UTC. The UUID is
 * derived from the part ids, so processing the same parts again (a retried Streams transaction) gives the same id.
 */
final class InboundMessageIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private InboundMessageIds() {
    }

    static String of(Instant receivedAt, List<PartView> parts) {
        String partIds = String.join(",", parts.stream().map(PartView::partId).toList());
        return "Incoming_" + STAMP.format(receivedAt) + UUID.nameUUIDFromBytes(partIds.getBytes(StandardCharsets.UTF_8));
    }
}
