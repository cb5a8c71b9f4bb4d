package io.relaysms.dispatcher.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CarrierPacerTest {

    @Test
    void aCappedConnectionStartsAtItsCap() {
        assertThat(new CarrierPacer(50, 100, 5_000).currentTps()).isEqualTo(50);
    }

    @Test
    void throttlingHalvesThePace() {
        CarrierPacer pacer = new CarrierPacer(100, 100, 5_000);

        pacer.onThrottled();
        assertThat(pacer.currentTps()).isEqualTo(50);
        pacer.onThrottled();
        assertThat(pacer.currentTps()).isEqualTo(25);
        assertThat(pacer.throttledCount()).isEqualTo(2);
    }

    @Test
    void anUncappedConnectionGetsAFinitePaceOnceThrottled() {
        CarrierPacer pacer = new CarrierPacer(0, 100, 5_000);
        assertThat(pacer.currentTps()).isInfinite();

        pacer.onThrottled();

        assertThat(pacer.currentTps()).isFinite().isGreaterThanOrEqualTo(1);
    }

    @Test
    void thePaceNeverFallsBelowOnePerSecond() {
        CarrierPacer pacer = new CarrierPacer(4, 100, 5_000);
        for (int i = 0; i < 10; i++) {
            pacer.onThrottled();
        }

        assertThat(pacer.currentTps()).isEqualTo(1);
    }
}
