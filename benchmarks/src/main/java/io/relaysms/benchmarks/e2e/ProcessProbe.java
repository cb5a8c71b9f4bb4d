package io.relaysms.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Linux knows about another process: its memory from {@code /proc/<pid>/status} (VmRSS now, VmHWM the peak) and
 * its CPU time per thread from {@code /proc/<pid>/task/<tid>/stat} (utime + stime). The kernel keeps only 15
 * characters of a thread's name, so the full Java names come from {@code jcmd <pid> Thread.print}, whose {@code nid}
 * is the Linux thread id.
 */
final class ProcessProbe {

    /** Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream architecture. */
    private static final double MILLIS_PER_TICK = 10.0;
    private static final Pattern THREAD_LINE = Pattern.compile("^\"(.*)\" .*nid=(0x[0-9a-fA-F]+|\\d+)");

    /** Resident memory now and at its peak; anonymous (heap, native allocations such as RocksDB's) and file-backed (mapped files). */
    record Memory(long rssKiB, long peakRssKiB, long anonymousKiB, long fileKiB) {
    }

    /** CPU milliseconds of each live thread, by Linux thread id, with the kernel's short name. */
    record ThreadTimes(Map<Integer, Double> millis, Map<Integer, String> shortNames) {
    }

    private final long pid;

    ProcessProbe(long pid) {
        this.pid = pid;
    }

    Memory memory() throws IOException {
        long rss = -1;
        long hwm = -1;
        long anonymous = -1;
        long file = -1;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                hwm = kib(line);
            } else if (line.startsWith("RssAnon:")) {
                anonymous = kib(line);
            } else if (line.startsWith("RssFile:")) {
                file = kib(line);
            }
        }
        return new Memory(rss, hwm, anonymous, file);
    }

    /** CPU milliseconds of the whole process (all threads, live and ended). */
    double processCpuMillis() throws IOException {
        return cpuMillis(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
    }

    ThreadTimes threadTimes() throws IOException {
        Map<Integer, Double> millis = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int tid = Integer.parseInt(task.getFileName().toString());
                    millis.put(tid, cpuMillis(stat));
                    names.put(tid, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                } catch (IOException | NumberFormatException ended) {
                    // the thread ended between listing and reading
                }
            }
        }
        return new ThreadTimes(millis, names);
    }

    /** The first line of {@code jcmd <pid> GC.heap_info}: the heap's committed size and use, to set against the RSS. */
    String heapSummary() throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process info = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor(30, TimeUnit.SECONDS);
            return text.lines().filter(line -> line.contains("total")).findFirst().map(String::trim).orElse("?");
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    /** Java thread names by Linux thread id, from a thread dump; empty when jcmd is not at hand. */
    Map<Integer, String> javaThreadNames() throws InterruptedException {
        Map<Integer, String> names = new HashMap<>();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            for (String line : text.split("\n")) {
                Matcher m = THREAD_LINE.matcher(line);
                if (m.find()) {
                    String nid = m.group(2);
                    names.put(nid.startsWith("0x") ? Integer.parseInt(nid.substring(2), 16) : Integer.parseInt(nid), m.group(1));
                }
            }
        } catch (IOException e) {
            System.err.println("jcmd failed (" + e.getMessage() + "); threads are grouped by their 15-character kernel names");
        }
        return names;
    }

    private static double cpuMillis(String stat) {
        // fields after the name, which may hold spaces: state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
