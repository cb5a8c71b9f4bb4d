package io.relaysms.api.repeat;

import io.relaysms.api.http.Rfc1123Dates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Judges one recipient's repeatability fields (contract §1.6, rules of the ACS repeatable-requests page):
 * <ul>
 *   <li>neither field: not repeatable;</li>
 *   <li>an id without a valid RFC 1123 first-sent (or the reverse): rejected, 400;</li>
 *   <li>a first-sent older than the window: rejected, 412 (the id may no longer be remembered);</li>
 *   <li>a key accepted before with the same text and first-sent: a repeat, rejected and not sent again;</li>
 *   <li>a key accepted before for a different request: rejected, 400;</li>
 *   <li>otherwise: accepted, a new repeatable message.</li>
 * </ul>
 */
public final class RepeatabilityCheck {

    /** The possible answers. */
    public enum Outcome { NOT_REPEATABLE, NEW, REPEAT, INVALID, CONFLICT, TOO_OLD }

    /** An answer; {@code key}, {@code firstSent} and {@code fingerprint} are set for NEW and REPEAT. */
    public record Verdict(Outcome outcome, Optional<RepeatabilityKey> key, Optional<Instant> firstSent, long fingerprint,
                          String problem) {
        static Verdict of(Outcome outcome, String problem) {
            return new Verdict(outcome, Optional.empty(), Optional.empty(), 0, problem);
        }
    }

    static final String INVALID_DATE = "Request sent with Invalid DateTime value for repeatability-first-sent. "
            + "Expected is DateTime ,RFC1123 pattern.";

    private final RecentRequests recent;
    private final Duration window;
    private final Duration allowedSkew;
    private final Clock clock;
    private final Rfc1123Dates dates = new Rfc1123Dates();

    public RepeatabilityCheck(RecentRequests recent, Duration window, Duration allowedSkew, Clock clock) {
        this.recent = recent;
        this.window = window;
        this.allowedSkew = allowedSkew;
        this.clock = clock;
    }

    public Verdict judge(String from, String to, Optional<String> requestId, Optional<String> firstSentText,
                         long messageFingerprint) {
        if (requestId.isEmpty() && firstSentText.isEmpty()) {
            return Verdict.of(Outcome.NOT_REPEATABLE, null);
        }
        if (requestId.isEmpty()) {
            return Verdict.of(Outcome.INVALID, "repeatabilityFirstSent was given without repeatabilityRequestId; "
                    + "send both or neither.");
        }
        Optional<Instant> firstSent = firstSentText.flatMap(dates::parse);
        if (firstSent.isEmpty()) {
            return Verdict.of(Outcome.INVALID, INVALID_DATE);
        }
        Instant now = clock.instant();
        if (firstSent.get().isBefore(now.minus(window))) {
            return Verdict.of(Outcome.TOO_OLD, "repeatabilityFirstSent " + firstSentText.get() + " is older than the "
                    + window.toMinutes() + "-minute repeatability window; send it as a new request with a new id.");
        }
        if (firstSent.get().isAfter(now.plus(allowedSkew))) {
            return Verdict.of(Outcome.INVALID, "repeatabilityFirstSent " + firstSentText.get() + " is in the future.");
        }
        RepeatabilityKey key = RepeatabilityKey.of(from, to, requestId.get());
        long fingerprint = RequestFingerprint.of(messageFingerprint, firstSent.get());
        Optional<RecentRequests.Entry> seen = recent.find(key);
        if (seen.isPresent() && seen.get().fingerprint() != fingerprint) {
            return Verdict.of(Outcome.CONFLICT, "repeatabilityRequestId " + requestId.get() + " was already used for a "
                    + "different request to " + to + "; use a new id for a new message.");
        }
        Outcome outcome = seen.isPresent() ? Outcome.REPEAT : Outcome.NEW;
        return new Verdict(outcome, Optional.of(key), firstSent, fingerprint, null);
    }
}
