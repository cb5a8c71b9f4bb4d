package io.relaysms.optout.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Receipt latencies of a window, summarised so that percentiles stay within 1% of the true value whatever the
 * number of messages (the DDSketch idea): a latency of x ms falls in bin ceil(log_γ x) with γ = 1.01/0.99, so
 * a day's worth of latencies needs at most about a thousand bins, and merging or adding is counting.
 *
 * <p>Immutable. The bins are two parallel arrays, indexes ascending, because a window's tally is read, added to
 * and written back for every delivery report: copying a few hundred primitives is far cheaper than the sorted map
 * it used to be (in a profile under bulk load, copying those maps was a third of the usage aggregation).
 */
public final class LatencySketch {

    private static final double ALPHA = 0.01;
    private static final double GAMMA = (1 + ALPHA) / (1 - ALPHA);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    private static final LatencySketch EMPTY = new LatencySketch(new int[0], new long[0], 0);

    private final int[] indexes;
    private final long[] counts;
    private final long count;

    private LatencySketch(int[] indexes, long[] counts, long count) {
        this.indexes = indexes;
        this.counts = counts;
        this.count = count;
    }

    public static LatencySketch empty() {
        return EMPTY;
    }

    /** A sketch of the given bins (count per bin index; bin 0 holds latencies below 1 ms) and total. */
    @JsonCreator
    public static LatencySketch of(@JsonProperty("bins") Map<Integer, Long> bins, @JsonProperty("count") long count) {
        if (bins == null || bins.isEmpty()) {
            return count == 0 ? EMPTY : new LatencySketch(new int[0], new long[0], count);
        }
        SortedMap<Integer, Long> sorted = new TreeMap<>(bins);
        int[] indexes = new int[sorted.size()];
        long[] counts = new long[sorted.size()];
        int i = 0;
        for (Map.Entry<Integer, Long> bin : sorted.entrySet()) {
            indexes[i] = bin.getKey();
            counts[i++] = bin.getValue();
        }
        return new LatencySketch(indexes, counts, count);
    }

    /** Bins given as ascending indexes and their counts, as {@link UsageTallySerde} reads them; the arrays are kept. */
    static LatencySketch ofSortedBins(int[] indexes, long[] counts, long count) {
        if (indexes.length != counts.length) {
            throw new IllegalArgumentException(indexes.length + " bin indexes but " + counts.length + " counts");
        }
        for (int i = 1; i < indexes.length; i++) {
            if (indexes[i] <= indexes[i - 1]) {
                throw new IllegalArgumentException("bin indexes must ascend: " + indexes[i - 1] + " then " + indexes[i]);
            }
        }
        return new LatencySketch(indexes, counts, count);
    }

    public LatencySketch add(long millis) {
        int index = millis < 1 ? 0 : Math.max(1, (int) Math.ceil(Math.log(millis) / LOG_GAMMA));
        int at = Arrays.binarySearch(indexes, index);
        if (at >= 0) {
            long[] nextCounts = counts.clone();
            nextCounts[at]++;
            return new LatencySketch(indexes, nextCounts, count + 1);
        }
        int insert = -at - 1;
        int[] nextIndexes = new int[indexes.length + 1];
        long[] nextCounts = new long[counts.length + 1];
        System.arraycopy(indexes, 0, nextIndexes, 0, insert);
        System.arraycopy(counts, 0, nextCounts, 0, insert);
        nextIndexes[insert] = index;
        nextCounts[insert] = 1;
        System.arraycopy(indexes, insert, nextIndexes, insert + 1, indexes.length - insert);
        System.arraycopy(counts, insert, nextCounts, insert + 1, counts.length - insert);
        return new LatencySketch(nextIndexes, nextCounts, count + 1);
    }

    /** The latency at quantile {@code q} (0..1), within 1%; null when nothing was recorded. */
    public Long quantile(double q) {
        if (count == 0) {
            return null;
        }
        long rank = (long) Math.floor(q * (count - 1));
        long seen = 0;
        for (int i = 0; i < indexes.length; i++) {
            seen += counts[i];
            if (seen > rank) {
                return indexes[i] == 0 ? 0L : Math.round(2 * Math.pow(GAMMA, indexes[i]) / (GAMMA + 1));
            }
        }
        throw new IllegalStateException("bins hold fewer than " + count + " latencies");
    }

    /** Latencies recorded. */
    @JsonProperty("count")
    public long count() {
        return count;
    }

    /** Count per bin index, ascending (a copy). */
    @JsonProperty("bins")
    public SortedMap<Integer, Long> bins() {
        SortedMap<Integer, Long> bins = new TreeMap<>();
        for (int i = 0; i < indexes.length; i++) {
            bins.put(indexes[i], counts[i]);
        }
        return Collections.unmodifiableSortedMap(bins);
    }

    int binsUsed() {
        return indexes.length;
    }

    int binIndex(int i) {
        return indexes[i];
    }

    long binTotal(int i) {
        return counts[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencySketch other && count == other.count && Arrays.equals(indexes, other.indexes)
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(count) + Arrays.hashCode(indexes)) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "LatencySketch[count=" + count + ", bins=" + bins() + "]";
    }
}
