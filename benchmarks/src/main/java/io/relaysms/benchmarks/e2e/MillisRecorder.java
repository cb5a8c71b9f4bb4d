package io.relaysms.benchmarks.e2e;

import java.util.Arrays;

/** Latencies in whole milliseconds (the resolution of the schemas' timestamps), summarised as percentiles. */
final class MillisRecorder {

    private int[] values = new int[1 << 16];
    private int count;

    synchronized void add(long millis) {
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, millis));
    }

    synchronized Summary summary() {
        int[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new Summary(count, at(sorted, 0.50), at(sorted, 0.99), count == 0 ? 0 : sorted[count - 1]);
    }

    private static int at(int[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    record Summary(int count, int p50, int p99, int max) {
    }
}
