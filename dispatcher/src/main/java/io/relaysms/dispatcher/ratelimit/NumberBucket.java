package io.relaysms.dispatcher.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * The token bucket of one sending number (Bucket4j, greedy refill).
 *
 * <p>Why the limit is exact without coordination (design decision 1): {@code sms-requests} is keyed by the
 * sending number, so one partition, hence one worker of the consumer group, owns a number at a time, and only
 * that worker's dispatch loop takes from this bucket, before each submit. A bucket of capacity b refilled at r
 * per second lets at most {@code b + r*t} units through in any window of t seconds. Across a hand-over the new
 * owner starts with an <em>empty</em> bucket: the old owner sent at most {@code b + r*t1} in the part of a window
 * before it, the new one at most {@code r*t2} after, so the window still holds {@code b + r*t}. Nothing else
 * sends for the number, and a retry takes tokens again like a first attempt, so the count is an upper bound of
 * what reached the carrier.
 *
 * <p>A message costing more than the bucket holds (a long message counted in segments against a small burst)
 * waits until the bucket is full and then goes into debt: the following messages wait until the debt is
 * refilled, so over any window longer than {@code cost / r} the limit still holds.
 */
public final class NumberBucket {

    private final Bucket bucket;
    private final long capacity;
    private final RateLimit limit;

    public NumberBucket(RateLimit limit, TimeMeter time) {
        this.limit = limit;
        this.capacity = limit.burst();
        // Refill in nanoseconds per token so that fractional per-second rates (200/min = 3.33/s) are exact.
        long nanosPerToken = Math.max(1, Math.round(60e9 / limit.perMinute()));
        Bandwidth bandwidth = Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(1, Duration.ofNanos(nanosPerToken))
                .initialTokens(0)
                .build();
        this.bucket = Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
    }

    public NumberBucket(RateLimit limit) {
        this(limit, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Takes {@code cost} tokens if they are there and answers 0; else takes nothing and answers how many
     * nanoseconds to wait before asking again. */
    public long tryTake(int cost) {
        if (cost > capacity) {
            long missing = capacity - bucket.getAvailableTokens();
            if (missing <= 0) {
                bucket.consumeIgnoringRateLimits(cost);
                return 0;
            }
            return bucket.estimateAbilityToConsume(capacity).getNanosToWaitForRefill();
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(cost);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    public RateLimit limit() {
        return limit;
    }
}
