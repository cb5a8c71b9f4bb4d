package io.relaysms.optout.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopGuardTest {

    private final LoopGuard guard = new LoopGuard(new AutoReplySettings(Duration.ofSeconds(15), 2, Duration.ofHours(1), Duration.ofHours(1)));

    @Test
    void answersAPairItHasNotAnswered() {
        assertThat(guard.judge(1_000_000, List.of())).isEqualTo(LoopGuard.Verdict.ANSWER);
    }

    @Test
    void takesAnInboundWithinTheLoopWindowForAnAnswerToOurReply() {
        assertThat(guard.judge(1_000_000, List.of(1_000_000L - 15_000))).isEqualTo(LoopGuard.Verdict.ANSWER_TO_OUR_REPLY);
        assertThat(guard.judge(1_000_000, List.of(1_000_000L - 15_001))).isEqualTo(LoopGuard.Verdict.ANSWER);
    }

    @Test
    void stopsAtTheCeilingWithinThePeriodOnly() {
        long now = 10_000_000;
        assertThat(guard.judge(now, List.of(now - 60_000, now - 120_000))).isEqualTo(LoopGuard.Verdict.PAIR_LIMIT_REACHED);
        assertThat(guard.judge(now, List.of(now - 60_000, now - 3_600_000))).isEqualTo(LoopGuard.Verdict.ANSWER);
    }

    @Test
    void ignoresRepliesStampedAfterTheInbound() {
        assertThat(guard.judge(1_000_000, List.of(1_000_500L))).isEqualTo(LoopGuard.Verdict.ANSWER);
    }
}
