package io.relaysms.simulator.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.simulator.codec.SegmentInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmissionStatsTest {

    private long sequence;

    private Submission submission(String from, String to, String text, Instant at, boolean accepted) {
        sequence++;
        return new Submission(sequence, at, "relay", "s1", from, 1, 1, to, 1, 1, 0, 0, 1, "",
                SegmentInfo.SINGLE, false, text.getBytes(StandardCharsets.US_ASCII), Optional.of(text),
                accepted ? 0 : 0x58, accepted ? "ESME_ROK" : "ESME_RTHROTTLED",
                accepted ? Optional.of("id" + sequence) : Optional.empty(), "global");
    }

    @Test
    void countsSubmitsPerSenderInEachSecond() {
        Instant second = Instant.parse("2025-01-01T00:00:10Z");
        SubmissionStats stats = SubmissionStats.of(List.of(
                submission("18005550100", "1", "a", second, true),
                submission("+18005550100", "2", "b", second.plusMillis(999), false),
                submission("18005550100", "3", "c", second.plusMillis(1000), true),
                submission("18005550111", "4", "d", second, true)), 0);

        assertThat(stats.senders()).hasSize(2);
        SubmissionStats.SenderRate first = stats.senders().get(0);
        assertThat(first.sender()).isEqualTo("+18005550100");
        assertThat(first.perSecond()).containsExactly(
                java.util.Map.entry(second.getEpochSecond(), 2), java.util.Map.entry(second.getEpochSecond() + 1, 1));
        assertThat(first.maxPerSecond()).isEqualTo(2);
        assertThat(first.accepted()).isEqualTo(2);
        assertThat(stats.rejected()).isEqualTo(1);
    }

    @Test
    void findsAcceptedDuplicatesOnly() {
        Instant now = Instant.now();
        SubmissionStats stats = SubmissionStats.of(List.of(
                submission("18005550100", "15550000001", "same", now, true),
                submission("18005550100", "+15550000001", "same", now, true),
                submission("18005550100", "15550000001", "same", now, false),
                submission("18005550100", "15550000001", "other", now, true)), 0);

        assertThat(stats.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.count()).isEqualTo(2);
            assertThat(d.text()).isEqualTo("same");
            assertThat(d.messageIds()).containsExactly("id1", "id2");
        });
    }
}
