package io.relaysms.optout.usage;

import io.relaysms.topics.TopicKeys;

/**
 * One thing that counts towards a sending number's usage in a recipient country, on its way through the
 * {@code usage-events} repartition topic (JSON: internal to this app). The record's timestamp is the event's
 * own time, which decides its window.
 *
 * @param segments      for REQUEST, the segments of the message
 * @param reason        for FAILED, the DeliveryReason name
 * @param latencyMillis for DELIVERED, from the carrier's acceptance (submittedAt) to the receipt, when known
 */
public record UsageEvent(String sender, String country, Kind kind, int segments, String reason, Long latencyMillis) {

    /** What happened; each kind feeds one counter of {@code UsageAggregate}. */
    public enum Kind { REQUEST, SUBMITTED, DELIVERED, FAILED, EXPIRED, BLOCKED_BY_OPT_OUT, INBOUND, OPT_OUT, OPT_IN }

    public static UsageEvent of(String sender, String country, Kind kind) {
        return new UsageEvent(sender, country, kind, 0, null, null);
    }

    /** {@code <sender>|<country>}: the grouping key; partitioning uses the sender alone ({@link SenderPartitioner}). */
    public String key() {
        return sender + TopicKeys.SEPARATOR + country;
    }
}
