package io.relaysms.tracker.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffScheduleTest {

    private static final Instant WRITTEN = Instant.parse("2026-11-27T08:00:00Z");
    private final BackoffSchedule schedule = new BackoffSchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        Instant now = WRITTEN.plusSeconds(1);
        assertThat(schedule.nextAttempt(1, WRITTEN, now)).contains(now.plusSeconds(10));
        assertThat(schedule.nextAttempt(2, WRITTEN, now)).contains(now.plusSeconds(20));
        assertThat(schedule.nextAttempt(5, WRITTEN, now)).contains(now.plusSeconds(160));
        assertThat(schedule.nextAttempt(40, WRITTEN, now)).contains(now.plus(Duration.ofHours(1)));
    }

    @Test
    void placesTheLastRetryAtTheEndOfTheWindowThenGivesUp() {
        Instant late = WRITTEN.plus(Duration.ofHours(23).plusMinutes(30));
        assertThat(schedule.nextAttempt(30, WRITTEN, late)).contains(WRITTEN.plus(Duration.ofHours(24)));
        assertThat(schedule.nextAttempt(31, WRITTEN, WRITTEN.plus(Duration.ofHours(24)))).isEmpty();
    }
}
