package io.relaysms.dispatcher.ratelimit;

/**
 * A sending number's limit: {@code perMinute} units (messages or segments, as its carrier counts) refilled
 * evenly over each minute, and a bucket of {@code burst} units that may go at once after a quiet spell. Over
 * any window of t seconds the number sends at most {@code burst + perMinute * t / 60} units.
 */
public record RateLimit(double perMinute, long burst) {

    public RateLimit {
        if (!(perMinute > 0)) {
            throw new IllegalArgumentException("a rate limit must be above 0 per minute (was " + perMinute + ")");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("a burst must be at least 1 (was " + burst + ")");
        }
    }

    public double perSecond() {
        return perMinute / 60.0;
    }

    /** The most units this limit allows in a window of the given length. */
    public double allowedIn(java.time.Duration window) {
        return burst + perMinute * window.toNanos() / 60e9;
    }
}
