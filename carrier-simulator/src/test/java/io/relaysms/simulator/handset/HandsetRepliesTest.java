package io.relaysms.simulator.handset;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.simulator.behaviour.Delay;
import io.relaysms.simulator.behaviour.RandomSource;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HandsetRepliesTest {

    private static final HandsetSettings QUARTER_STOP = new HandsetSettings(0.25, 0.1, 0, 0, "", Delay.NONE);

    @Test
    void givesEachRecipientTheSameTemperForTheSameSeed() {
        HandsetReplies first = new HandsetReplies(QUARTER_STOP, new RandomSource(Optional.of(9L)));
        HandsetReplies again = new HandsetReplies(QUARTER_STOP, new RandomSource(Optional.of(9L)));

        IntStream.range(0, 200).mapToObj(i -> "+1555000" + String.format("%04d", i)).forEach(number ->
                assertThat(again.temperOf(number)).isEqualTo(first.temperOf(number)));
    }

    @Test
    void letsTheConfiguredShareOfRecipientsAnswerStop() {
        HandsetReplies replies = new HandsetReplies(QUARTER_STOP, new RandomSource(Optional.of(3L)));

        long stop = IntStream.range(0, 4000).mapToObj(i -> "+1555100" + String.format("%04d", i))
                .filter(n -> replies.temperOf(n).filter("STOP"::equals).isPresent()).count();

        assertThat(stop).isBetween(900L, 1100L);
    }

    @Test
    void spellsANumberTheSameWithOrWithoutThePlus() {
        HandsetReplies replies = new HandsetReplies(new HandsetSettings(0.5, 0, 0, 0.5, "hi", Delay.NONE),
                new RandomSource(Optional.of(1L)));

        assertThat(replies.temperOf("15550000001")).isEqualTo(replies.temperOf("+15550000001")).isPresent();
    }
}
