package io.relaysms.tracker.reports;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the receipt matcher consumes, from one repartition topic keyed by match partition: a submitted segment
 * (from a SUBMITTED dispatch event) or a carrier receipt.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MatchInput.Submission.class, name = "submission"),
        @JsonSubTypes.Type(value = MatchInput.Receipt.class, name = "receipt")})
public sealed interface MatchInput {

    /**
     * One segment the carrier accepted. {@code matchableUntil} is when receipts for it stop being expected at all:
     * the message's report deadline plus the history retention (duplicates and late receipts still find it).
     */
    record Submission(String carrierId, String carrierMessageId, String messageId, int sequence, int segmentCount,
                      int attempt, String from, String to, long submittedAt, long matchableUntil) implements MatchInput {
    }

    /** A receipt as the carrier sent it. */
    record Receipt(ReceiptView receipt) implements MatchInput {
    }
}
