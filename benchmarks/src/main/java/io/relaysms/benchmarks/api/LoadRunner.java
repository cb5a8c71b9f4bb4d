package io.relaysms.benchmarks.api;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code threads} workers each send a request, wait for its answer and send the next, for a
 * warm-up and then a measured period. Counts answers by whether they were the expected status, and keeps every
 * measured latency for percentiles. Bounded in time and stops by itself.
 */
final class LoadRunner {

    /** What one measured period gave. */
    record Result(String name, int recipientsPerRequest, long ok, long failed, double seconds, long p50Micros, long p99Micros,
                  double cpuSeconds) {
        /** CPU time of this whole process (server, broker and load alike) per accepted request. */
        double cpuMicrosPerRequest() {
            return ok == 0 ? 0 : cpuSeconds * 1e6 / ok;
        }

        double requestsPerSecond() {
            return ok / seconds;
        }

        double recipientsPerSecond() {
            return ok * recipientsPerRequest / seconds;
        }
    }

    private LoadRunner() {
    }

    static Result run(String name, HttpClient client, Supplier<Supplier<HttpRequest>> requestsPerThread, int expectedStatus,
                      int recipientsPerRequest, int threads, Duration warmUp, Duration measured) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        long[] ok = new long[threads];
        long[] failed = new long[threads];
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            long[] mine = new long[Math.max(10_000, 4_000_000 / threads)];
            latencies.add(mine);
            Supplier<HttpRequest> requests = requestsPerThread.get();
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    HttpRequest request = requests.get();
                    long begin = System.nanoTime();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    if (measuring.get()) {
                        if (status == expectedStatus) {
                            ok[id]++;
                            if (counts[id] < mine.length) {
                                mine[counts[id]++] = (System.nanoTime() - begin) / 1000;
                            }
                        } else {
                            failed[id]++;
                        }
                    }
                }
            }, "load-" + name + "-" + t);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(warmUp.toMillis());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBegin = os.getProcessCpuTime();
        long begin = System.nanoTime();
        measuring.set(true);
        Thread.sleep(measured.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuBegin) / 1e9;
        running.set(false);
        for (Thread worker : workers) {
            worker.join(30_000);
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(name, recipientsPerRequest, Arrays.stream(ok).sum(), Arrays.stream(failed).sum(), seconds,
                percentile(all, 0.50), percentile(all, 0.99), cpuSeconds);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }
}
