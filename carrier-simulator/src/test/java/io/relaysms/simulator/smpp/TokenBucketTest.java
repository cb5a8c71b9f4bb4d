package io.relaysms.simulator.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsOneSecondsWorthAtOnceThenRefuses() {
        TokenBucket bucket = new TokenBucket(5, 0);

        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryAcquire(0)).isTrue();
        }
        assertThat(bucket.tryAcquire(0)).isFalse();
    }

    @Test
    void refillsAtTheRatePerSecond() {
        TokenBucket bucket = new TokenBucket(10, 0);
        for (int i = 0; i < 10; i++) {
            bucket.tryAcquire(0);
        }

        assertThat(bucket.tryAcquire(SECOND / 20)).isFalse();
        assertThat(bucket.tryAcquire(SECOND / 10)).isTrue();
        assertThat(bucket.tryAcquire(SECOND / 10)).isFalse();
    }

    @Test
    void neverHoldsMoreThanOneSecondsWorth() {
        TokenBucket bucket = new TokenBucket(3, 0);

        int granted = 0;
        while (bucket.tryAcquire(60 * SECOND)) {
            granted++;
        }
        assertThat(granted).isEqualTo(3);
    }
}
