package io.relaysms.tracker.reports;

/** What the receipt matcher emits: a receipt matched to a segment, or a receipt given up on. */
public sealed interface MatcherOutput {

    /** A match, keyed by messageId, on its way to the message tracker. */
    record Matched(TrackerInput.SegmentReceipt receipt) implements MatcherOutput {
    }

    /** A receipt no submission matched within the retention, on its way to carrier-receipts-dlq. */
    record Unmatched(ReceiptView receipt, String reason) implements MatcherOutput {
    }
}
