package io.relaysms.benchmarks.dispatch;

import java.util.List;

/** The most events that fall in any window of a given length, over sorted timestamps (milliseconds). */
final class SlidingWindows {

    private SlidingWindows() {
    }

    static int maxInAnyWindow(List<Long> sortedMillis, long windowMillis) {
        int best = 0;
        int start = 0;
        for (int end = 0; end < sortedMillis.size(); end++) {
            while (sortedMillis.get(end) - sortedMillis.get(start) >= windowMillis) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
