package io.relaysms.benchmarks.tracker;

import java.util.Arrays;

/** Latencies in nanoseconds, summarised as percentiles in milliseconds. */
final class Latencies {

    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    synchronized void add(long latencyNanos) {
        if (count < nanos.length) {
            nanos[count++] = latencyNanos;
        }
    }

    synchronized int count() {
        return count;
    }

    synchronized String summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return String.format("n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", count, millis(sorted, 0.50), millis(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
