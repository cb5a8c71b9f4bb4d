package io.relaysms.tracker.reports;

import io.relaysms.tracker.ids.MatchKey;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the segment a receipt belongs to among the segments indexed under its keys. Preference, in order: a segment
 * still waiting for its final receipt (carriers recycle ids), a match that is not a guess, addresses that agree, the
 * most recent submission. A guessed match (a numeric reading of an id whose format is not configured) is only
 * accepted when the receipt's handset and our number agree with the segment's recipient and sender, which keeps a
 * decimal id from being taken for an unrelated hex one.
 */
final class MatchChoice {

    /** A segment found under one of the receipt's keys. */
    record Candidate(IndexedSegment segment, MatchKey receiptKey) {

        boolean guess() {
            return segment.guess() || receiptKey.guess();
        }

        String matchedBy() {
            return receiptKey.value() + (guess() ? " (guessed)" : "");
        }
    }

    private MatchChoice() {
    }

    static Optional<Candidate> best(ReceiptView receipt, List<Candidate> candidates) {
        Comparator<Candidate> preference = Comparator
                .comparing((Candidate c) -> c.segment().finalReceived())
                .thenComparing(Candidate::guess)
                .thenComparing(c -> !addressesAgree(receipt, c.segment()))
                .thenComparing(c -> -c.segment().submittedAt());
        return candidates.stream()
                .filter(c -> !c.guess() || addressesAgree(receipt, c.segment()))
                .min(preference);
    }

    static boolean addressesAgree(ReceiptView receipt, IndexedSegment segment) {
        return Addresses.agree(receipt.handset(), segment.to()) && Addresses.agree(receipt.ourNumber(), segment.from());
    }
}
