package io.relaysms.api.repeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.api.repeat.RepeatabilityCheck.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepeatabilityCheckTest {

    static final Instant NOW = Instant.parse("2026-11-27T08:21:17Z");
    static final String NOW_TEXT = "Fri, 27 Nov 2026 08:21:17 GMT";
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final RecentRequests recent = new RecentRequests(Duration.ofMinutes(15), 1000, clock);
    final RepeatabilityCheck check = new RepeatabilityCheck(recent, Duration.ofMinutes(15), Duration.ofMinutes(15), clock);
    final long text = RequestFingerprint.ofMessage("hello");

    private RepeatabilityCheck.Verdict judge(Optional<String> id, Optional<String> firstSent, long message) {
        return check.judge("+18005550100", "+14255550123", id, firstSent, message);
    }

    @Test
    void aRecipientWithoutFieldsIsNotRepeatable() {
        assertThat(judge(Optional.empty(), Optional.empty(), text).outcome()).isEqualTo(Outcome.NOT_REPEATABLE);
    }

    @Test
    void aNewIdIsAcceptedAndASecondSightingIsARepeat() {
        RepeatabilityCheck.Verdict first = judge(Optional.of("id-1"), Optional.of(NOW_TEXT), text);
        assertThat(first.outcome()).isEqualTo(Outcome.NEW);
        recent.remember(first.key().orElseThrow(), first.fingerprint(), first.firstSent().orElseThrow());

        RepeatabilityCheck.Verdict again = judge(Optional.of("id-1"), Optional.of(NOW_TEXT), text);

        assertThat(again.outcome()).isEqualTo(Outcome.REPEAT);
        assertThat(again.key()).isEqualTo(first.key());
    }

    @Test
    void theSameIdWithAnotherTextIsAConflict() {
        RepeatabilityCheck.Verdict first = judge(Optional.of("id-2"), Optional.of(NOW_TEXT), text);
        recent.remember(first.key().orElseThrow(), first.fingerprint(), first.firstSent().orElseThrow());

        assertThat(judge(Optional.of("id-2"), Optional.of(NOW_TEXT), RequestFingerprint.ofMessage("bye")).outcome())
                .isEqualTo(Outcome.CONFLICT);
    }

    @Test
    void malformedOrMissingDatesAndLoneDatesAreInvalid() {
        assertThat(judge(Optional.of("id"), Optional.empty(), text).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(judge(Optional.of("id"), Optional.of("2026-11-27T08:21:17Z"), text).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(judge(Optional.empty(), Optional.of(NOW_TEXT), text).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(judge(Optional.of("id"), Optional.of("Fri, 27 Nov 2026 09:00:00 GMT"), text).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void aFirstSentOlderThanTheWindowIsTooOld() {
        assertThat(judge(Optional.of("id"), Optional.of("Fri, 27 Nov 2026 08:06:00 GMT"), text).outcome()).isEqualTo(Outcome.TOO_OLD);
        assertThat(judge(Optional.of("id"), Optional.of("Fri, 27 Nov 2026 08:07:00 GMT"), text).outcome()).isEqualTo(Outcome.NEW);
    }
}
