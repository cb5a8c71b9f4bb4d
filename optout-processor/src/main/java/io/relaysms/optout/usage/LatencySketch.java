package io.relaysms.optout.usage;

import java.util.Map;
import java.util.TreeMap;

/**
 * Receipt latencies of a window, summarised so that percentiles stay within 1% of the true value whatever the
 * number of messages (the DDSketch idea): a latency of x ms falls in bin ceil(log_γ x) with γ = 1.01/0.99, so
 * a day's worth of latencies needs at most about a thousand bins, and merging or adding is counting.
 *
 * @param bins  count per bin index; bin 0 holds latencies below 1 ms
 * @param count latencies recorded
 */
public record LatencySketch(Map<Integer, Long> bins, long count) {

    private static final double ALPHA = 0.01;
    private static final double GAMMA = (1 + ALPHA) / (1 - ALPHA);
    private static final double LOG_GAMMA = Math.log(GAMMA);

    public LatencySketch {
        bins = new TreeMap<>(bins == null ? Map.of() : bins);
    }

    public static LatencySketch empty() {
        return new LatencySketch(Map.of(), 0);
    }

    public LatencySketch add(long millis) {
        int index = millis < 1 ? 0 : Math.max(1, (int) Math.ceil(Math.log(millis) / LOG_GAMMA));
        Map<Integer, Long> next = new TreeMap<>(bins);
        next.merge(index, 1L, Long::sum);
        return new LatencySketch(next, count + 1);
    }

    /** The latency at quantile {@code q} (0..1), within 1%; null when nothing was recorded. */
    public Long quantile(double q) {
        if (count == 0) {
            return null;
        }
        long rank = (long) Math.floor(q * (count - 1));
        long seen = 0;
        for (Map.Entry<Integer, Long> bin : bins.entrySet()) {
            seen += bin.getValue();
            if (seen > rank) {
                return bin.getKey() == 0 ? 0L : Math.round(2 * Math.pow(GAMMA, bin.getKey()) / (GAMMA + 1));
            }
        }
        throw new IllegalStateException("bins hold fewer than " + count + " latencies");
    }
}
