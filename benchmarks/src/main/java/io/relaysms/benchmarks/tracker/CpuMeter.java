package io.relaysms.benchmarks.tracker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU spent during one phase: the whole process (broker, load generator and tracker share the JVM) and the threads of
 * one Streams application alone (stream threads and their clients' network threads, all named after the application
 * id), which is the tracker's own cost per message.
 */
final class CpuMeter {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final String application;
    private final long processStart;
    private final Map<Long, Long> threadStart = new HashMap<>();

    CpuMeter(String application) {
        this.application = application;
        this.processStart = os.getProcessCpuTime();
        for (long id : threads.getAllThreadIds()) {
            threadStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
    }

    /** Process and application CPU in microseconds per message since construction, with the load average now. */
    String perMessage(int messages) {
        long process = os.getProcessCpuTime() - processStart;
        long app = 0;
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().contains(application)) {
                app += Math.max(0, threads.getThreadCpuTime(id)) - threadStart.getOrDefault(id, 0L);
            }
        }
        return String.format("CPU per message: %.0f µs in the %s threads, %.0f µs in the whole JVM (broker and load "
                + "generator included); load average %.2f", app / 1e3 / messages, application, process / 1e3 / messages,
                os.getSystemLoadAverage());
    }
}
