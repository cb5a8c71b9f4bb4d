package io.relaysms.dispatcher.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NumberBucketTest {

    /** Time moved by hand. */
    private static final class ManualTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    @Test
    void aNewBucketIsEmptySoAHandOverCannotDoubleTheBurst() {
        ManualTime time = new ManualTime();
        NumberBucket bucket = new NumberBucket(new RateLimit(200, 4), time);

        assertThat(bucket.tryTake(1)).isPositive();
        time.nanos = TimeUnit.MILLISECONDS.toNanos(300);
        assertThat(bucket.tryTake(1)).isZero();
    }

    @Test
    void saysHowLongToWaitForTheNextToken() {
        ManualTime time = new ManualTime();
        NumberBucket bucket = new NumberBucket(new RateLimit(60, 1), time);

        long wait = bucket.tryTake(1);

        assertThat(wait).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void greedyUseNeverExceedsBurstPlusRateInAnyWindow() {
        ManualTime time = new ManualTime();
        RateLimit limit = new RateLimit(200, 4);
        NumberBucket bucket = new NumberBucket(limit, time);
        Deque<Long> sent = new ArrayDeque<>();
        long step = TimeUnit.MILLISECONDS.toNanos(7);
        int worstPerSecond = 0;
        int worstPerMinute = 0;
        int total = 0;
        for (time.nanos = 0; time.nanos < TimeUnit.MINUTES.toNanos(10); time.nanos += step) {
            while (bucket.tryTake(1) == 0) {
                sent.addLast(time.nanos);
                total++;
            }
            worstPerSecond = Math.max(worstPerSecond, countSince(sent, time.nanos - TimeUnit.SECONDS.toNanos(1)));
            worstPerMinute = Math.max(worstPerMinute, countSince(sent, time.nanos - TimeUnit.MINUTES.toNanos(1)));
        }

        assertThat(worstPerSecond).isLessThanOrEqualTo((int) Math.floor(limit.allowedIn(java.time.Duration.ofSeconds(1))));
        assertThat(worstPerMinute).isLessThanOrEqualTo((int) Math.floor(limit.allowedIn(java.time.Duration.ofMinutes(1))));
        assertThat(total).isGreaterThanOrEqualTo(1999); // 10 minutes at 200/min: the limit is used, not just respected
    }

    @Test
    void aMessageLargerThanTheBurstGoesWhenTheBucketIsFullAndRunsIntoDebt() {
        ManualTime time = new ManualTime();
        NumberBucket bucket = new NumberBucket(new RateLimit(60, 2), time);
        time.nanos = TimeUnit.SECONDS.toNanos(2);

        assertThat(bucket.tryTake(5)).isZero();
        time.nanos += TimeUnit.SECONDS.toNanos(3);
        assertThat(bucket.tryTake(1)).isPositive(); // 3 s refilled the 3 tokens of debt, no more
        time.nanos += TimeUnit.SECONDS.toNanos(1);
        assertThat(bucket.tryTake(1)).isZero();
    }

    private static int countSince(Deque<Long> sent, long from) {
        while (!sent.isEmpty() && sent.peekFirst() <= from - TimeUnit.MINUTES.toNanos(1)) {
            sent.pollFirst();
        }
        int count = 0;
        for (var it = sent.descendingIterator(); it.hasNext(); ) {
            if (it.next() > from) {
                count++;
            } else {
                break;
            }
        }
        return count;
    }
}
