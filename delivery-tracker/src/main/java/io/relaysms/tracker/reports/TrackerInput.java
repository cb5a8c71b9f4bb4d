package io.relaysms.tracker.reports;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the message tracker consumes, from one repartition topic keyed by messageId: every dispatch event of the
 * message and every receipt matched to one of its segments.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TrackerInput.Dispatched.class, name = "dispatched"),
        @JsonSubTypes.Type(value = TrackerInput.SegmentReceipt.class, name = "segment-receipt")})
public sealed interface TrackerInput {

    /** A dispatch event of the message. */
    record Dispatched(DispatchView event) implements TrackerInput {
    }

    /**
     * A receipt matched to segment {@code sequence} of the message; {@code matchedBy} names the key that matched,
     * for support ("n:11259375", "t:abcdef", with " (guessed)" when the reading was a guess).
     */
    record SegmentReceipt(String messageId, int sequence, int segmentCount, int attempt, ReceiptView receipt,
                          String matchedBy) implements TrackerInput {
    }
}
