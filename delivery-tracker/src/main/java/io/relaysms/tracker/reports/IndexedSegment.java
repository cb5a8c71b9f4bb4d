package io.relaysms.tracker.reports;

/**
 * A submitted segment as indexed under one of its match keys. {@code guess} says that key is a guessed reading of
 * the id; {@code finalReceived} that a final receipt has already been matched to it, so a recycled carrier id
 * prefers a segment still waiting.
 */
public record IndexedSegment(String carrierId, String carrierMessageId, String messageId, int sequence, int segmentCount,
                             int attempt, String from, String to, long submittedAt, long matchableUntil, boolean guess,
                             boolean finalReceived) {

    public static IndexedSegment of(MatchInput.Submission s, boolean guess) {
        return new IndexedSegment(s.carrierId(), s.carrierMessageId(), s.messageId(), s.sequence(), s.segmentCount(),
                s.attempt(), s.from(), s.to(), s.submittedAt(), s.matchableUntil(), guess, false);
    }

    public boolean sameSegment(IndexedSegment other) {
        return messageId.equals(other.messageId) && sequence == other.sequence;
    }

    public IndexedSegment withFinalReceived() {
        return new IndexedSegment(carrierId, carrierMessageId, messageId, sequence, segmentCount, attempt, from, to,
                submittedAt, matchableUntil, guess, true);
    }
}
