package io.relaysms.tracker.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: after {@code initial}, doubling up to {@code max}, until
 * {@code giveUpAfter} has passed since the event was written (measured from the record, so a restart does not start
 * the window again). The last retry is placed at the end of the window; after that the event is dead-lettered.
 */
public record BackoffSchedule(Duration initial, Duration max, Duration giveUpAfter) {

    /** When to try again after {@code failures} failed attempts, or empty to give up. */
    public Optional<Instant> nextAttempt(int failures, Instant writtenAt, Instant now) {
        Instant end = writtenAt.plus(giveUpAfter);
        if (!now.isBefore(end)) {
            return Optional.empty();
        }
        Duration delay = initial.multipliedBy(1L << Math.min(30, Math.max(0, failures - 1)));
        if (delay.compareTo(max) > 0 || delay.isNegative()) {
            delay = max;
        }
        Instant next = now.plus(delay);
        return Optional.of(next.isAfter(end) ? end : next);
    }
}
