package io.relaysms.simulator.behaviour;

/**
 * A delay drawn per event: uniform between min and max, or exponential around a mean (the long tail real
 * networks show) starting at min and cut at max.
 */
public record Delay(Distribution distribution, long minMillis, long maxMillis, long meanMillis) {

    public enum Distribution {
        UNIFORM, EXPONENTIAL
    }

    public static final Delay NONE = new Delay(Distribution.UNIFORM, 0, 0, 0);

    public Delay {
        if (minMillis < 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException("a delay needs 0 <= min <= max (min " + minMillis + ", max " + maxMillis + ")");
        }
    }

    public long draw(RandomSource random) {
        if (maxMillis == minMillis) {
            return minMillis;
        }
        double u = random.nextDouble();
        if (distribution == Distribution.EXPONENTIAL) {
            double mean = Math.max(1, meanMillis - minMillis);
            return Math.min(maxMillis, minMillis + (long) (-mean * Math.log(1 - u)));
        }
        return minMillis + (long) (u * (maxMillis - minMillis + 1));
    }
}
