package io.relaysms.benchmarks.dispatch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** CPU time per thread group (thread names with digits folded), to see where a run's CPU went. */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    ThreadCpu() {
        for (long id : threads.getAllThreadIds()) {
            start.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
    }

    /** CPU milliseconds per thread group since construction, largest first. */
    Map<String, Long> since() {
        Map<String, Long> byGroup = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info == null) {
                continue;
            }
            long used = Math.max(0, threads.getThreadCpuTime(id)) - start.getOrDefault(id, 0L);
            String group = info.getThreadName().replaceAll("[0-9a-f]{6,}", "X").replaceAll("\\d+", "N");
            byGroup.merge(group, used / 1_000_000, Long::sum);
        }
        Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
