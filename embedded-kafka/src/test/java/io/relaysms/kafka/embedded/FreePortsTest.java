package io.relaysms.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    /** Seen in CI: the broker's and the controller's ephemeral picks came back equal and the broker refused to start. */
    @Test
    void asksAgainWhenThePickIsThePortAlreadyTaken() {
        PrimitiveIterator.OfInt picks = IntStream.of(43963, 43963, 41007).iterator();

        assertThat(FreePorts.pickOtherThan(43963, picks::nextInt)).isEqualTo(41007);
    }

    @Test
    void givesUpWhenEveryPickIsTheTakenPort() {
        assertThatThrownBy(() -> FreePorts.pickOtherThan(43963, () -> 43963)).hasMessageContaining("other than 43963");
    }

    @Test
    void picksARealPortOtherThanTheTakenOne() {
        int taken = FreePorts.pick();

        assertThat(FreePorts.pickOtherThan(taken)).isNotEqualTo(taken).isBetween(1, 65535);
    }
}
