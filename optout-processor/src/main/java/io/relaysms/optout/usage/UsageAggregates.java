package io.relaysms.optout.usage;

import io.relaysms.topics.TopicKeys;
import io.relaysms.schemas.UsageAggregate;
import io.relaysms.schemas.UsageWindow;
import java.time.Instant;

/** Turns a window's tally into the published {@link UsageAggregate} and its key. */
public final class UsageAggregates {

    private UsageAggregates() {
    }

    /** The sending number of a {@code <sender>|<country>} key. */
    public static String senderOf(String key) {
        return key.substring(0, key.indexOf(TopicKeys.SEPARATOR));
    }

    public static String countryOf(String key) {
        return key.substring(key.indexOf(TopicKeys.SEPARATOR) + 1);
    }

    /** {@code <from>|<country>|<windowStart ISO-8601>}, as sms-usage-* are keyed. */
    public static String topicKey(String key, long windowStart) {
        return TopicKeys.usage(senderOf(key), countryOf(key), Instant.ofEpochMilli(windowStart));
    }

    public static UsageAggregate of(String key, long windowStart, long windowEnd, UsageWindow size, UsageTally tally) {
        return UsageAggregate.newBuilder()
                .setFrom(senderOf(key))
                .setCountry(countryOf(key))
                .setWindow(size)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                .setRequests(tally.requests())
                .setSegments(tally.segments())
                .setSubmitted(tally.submitted())
                .setDelivered(tally.delivered())
                .setFailed(tally.failed())
                .setFailedByReason(tally.failedByReason())
                .setExpired(tally.expired())
                .setBlockedByOptOut(tally.blockedByOptOut())
                .setInbound(tally.inbound())
                .setOptOuts(tally.optOuts())
                .setOptIns(tally.optIns())
                .setDeliveryRate(tally.deliveryRate())
                .setReceiptLatencyP50Millis(tally.latency().quantile(0.50))
                .setReceiptLatencyP95Millis(tally.latency().quantile(0.95))
                .setReceiptLatencyP99Millis(tally.latency().quantile(0.99))
                .setUpdatedAt(Instant.ofEpochMilli(tally.updatedAt()))
                .build();
    }
}
