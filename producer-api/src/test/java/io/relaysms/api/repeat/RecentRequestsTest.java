package io.relaysms.api.repeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecentRequestsTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T08:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void forgetsAnIdOnceItsFirstSentLeftTheWindow() {
        RecentRequests table = new RecentRequests(Duration.ofMinutes(5), 100, clock);
        RepeatabilityKey key = RepeatabilityKey.of("+18005550100", "+14255550123", "id");
        table.remember(key, 7, now.get());

        now.set(now.get().plus(Duration.ofMinutes(4)));
        assertThat(table.find(key)).hasValueSatisfying(entry -> assertThat(entry.fingerprint()).isEqualTo(7));
        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(table.find(key)).isEmpty();
    }

    @Test
    void keepsAtMostMaxEntriesDroppingTheOldest() {
        RecentRequests table = new RecentRequests(Duration.ofMinutes(5), 2, clock);
        RepeatabilityKey first = RepeatabilityKey.of("a", "b", "1");
        table.remember(first, 1, now.get());
        table.remember(RepeatabilityKey.of("a", "b", "2"), 2, now.get());
        table.remember(RepeatabilityKey.of("a", "b", "3"), 3, now.get());

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.find(first)).isEmpty();
    }

    @Test
    void derivesTheSameKeyAndUuidFromTheSameTripleOnly() {
        RepeatabilityKey key = RepeatabilityKey.of("+18005550100", "+14255550123", "id");

        assertThat(RepeatabilityKey.of("+18005550100", "+14255550123", "id")).isEqualTo(key);
        assertThat(RepeatabilityKey.of("+18005550100", "+14255550124", "id")).isNotEqualTo(key);
        assertThat(RepeatabilityKey.of("+1800555010", "0+14255550123", "id")).isNotEqualTo(key);
        assertThat(key.uuid().version()).isEqualTo(8);
        assertThat(key.uuid().variant()).isEqualTo(2);
    }
}
