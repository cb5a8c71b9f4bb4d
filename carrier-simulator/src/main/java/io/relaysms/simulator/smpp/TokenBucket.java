package io.relaysms.simulator.smpp;

/**
 * A carrier's per-bind throughput limit: up to {@code perSecond} submits at once, refilled evenly at
 * {@code perSecond} a second. Thread-safe; time is passed in so the limit can be tested without waiting.
 */
public final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(int perSecond, long nowNanos) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a token bucket needs at least 1 per second");
        }
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastRefillNanos = nowNanos;
    }

    public synchronized boolean tryAcquire(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0) {
            tokens = Math.min(perSecond, tokens + (double) elapsed * perSecond / NANOS_PER_SECOND);
            lastRefillNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    public int perSecond() {
        return perSecond;
    }
}
