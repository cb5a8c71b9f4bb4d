package io.relaysms.optout.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencySketchTest {

    @Test
    void estimatesPercentilesWithinOnePercentOfTheTrueValue() {
        Random random = new Random(42);
        long[] latencies = new long[20_000];
        LatencySketch sketch = LatencySketch.empty();
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = 200 + (long) Math.abs(random.nextGaussian() * 3_000) + (random.nextInt(100) == 0 ? 60_000 : 0);
            sketch = sketch.add(latencies[i]);
        }
        Arrays.sort(latencies);

        for (double q : new double[] {0.5, 0.95, 0.99}) {
            long exact = latencies[(int) Math.floor(q * (latencies.length - 1))];
            assertThat(sketch.quantile(q)).as("p%s", q * 100).isCloseTo(exact, within((long) Math.ceil(exact * 0.01)));
        }
        assertThat(sketch.bins().size()).isLessThan(1_000);
    }

    @Test
    void keepsBinsAscendingWhateverTheOrderOfLatencies() {
        LatencySketch sketch = LatencySketch.empty().add(5_000).add(10).add(700).add(10).add(0);

        assertThat(sketch.bins().values()).containsExactly(1L, 2L, 1L, 1L);
        assertThat(sketch.quantile(0)).isZero();
        assertThat(sketch.quantile(0.5)).isCloseTo(10L, within(1L));
        assertThat(sketch.quantile(0.75)).isCloseTo(700L, within(7L));
        assertThat(sketch.quantile(1)).isCloseTo(5_000L, within(50L));
        assertThat(sketch.count()).isEqualTo(5);
        assertThat(LatencySketch.of(sketch.bins(), sketch.count())).isEqualTo(sketch);
    }

    @Test
    void addingLeavesTheEarlierSketchUnchanged() {
        LatencySketch before = LatencySketch.empty().add(10);
        LatencySketch after = before.add(10).add(20);

        assertThat(before.count()).isEqualTo(1);
        assertThat(before.bins().values()).containsExactly(1L);
        assertThat(after.count()).isEqualTo(3);
    }

    @Test
    void holdsSubMillisecondLatenciesAsZero() {
        assertThat(LatencySketch.empty().add(0).quantile(0.5)).isZero();
    }

    @Test
    void hasNoPercentileWithoutLatencies() {
        assertThat(LatencySketch.empty().quantile(0.5)).isNull();
    }
}
