package io.relaysms.benchmarks.e2e;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One phase: sends until the wanted number of messages was accepted, then waits until every accepted message has its
 * delivery report (or no record of the phase arrived on any of the four topics for {@link #DRAIN_STALL_MILLIS}), and measures the platform's CPU by thread
 * meanwhile. Throughput end to end is accepted messages over the time from the first send to the last report read.
 */
final class PhaseRun {

    /** A phase gives up waiting when no stage moved for this long (a slow stage that still moves is waited for). */
    static final long DRAIN_STALL_MILLIS = 60_000;

    record Result(String name, int recipientsPerRequest, int threads, ApiLoad.Result load, PipelineWatch.Phase pipeline,
                  long endMillis, double platformCpuMillis, double loadGeneratorCpuMillis, StageCpu stageCpu,
                  BrokerTraffic.Growth broker, String loadBefore, String loadAfter) {

        double endToEndPerSecond() {
            return pipeline.reports.get() * 1000.0 / Math.max(1, endMillis - load.firstSendMillis());
        }

        double acceptedPerSecond() {
            return load.acceptedMessages() / Math.max(0.001, load.seconds());
        }

        /** The platform's CPU per message that got its report (broker, API, dispatcher, simulator, Streams apps). */
        double platformCpuMicrosPerMessage() {
            return pipeline.reports.get() == 0 ? 0 : platformCpuMillis * 1000 / pipeline.reports.get();
        }

        double brokerRecordsPerMessage() {
            return pipeline.reports.get() == 0 ? 0 : (double) broker.totalRecords() / pipeline.reports.get();
        }

        boolean complete() {
            return pipeline.reports.get() >= load.acceptedMessages();
        }
    }

    private final HttpClient client;
    private final URI endpoint;
    private final byte[] accessKey;
    private final List<String> numbers;
    private final PipelineWatch watch;
    private final ProcessProbe platform;
    private final BrokerTraffic broker;

    PhaseRun(HttpClient client, URI endpoint, byte[] accessKey, List<String> numbers, PipelineWatch watch, ProcessProbe platform,
             BrokerTraffic broker) {
        this.client = client;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.numbers = numbers;
        this.watch = watch;
        this.platform = platform;
        this.broker = broker;
    }

    Result run(String name, int recipientsPerRequest, int threads, long messages, long maxSendSeconds) throws Exception {
        String loadBefore = loadAverage();
        // Before the CPU baselines: the admin calls are not the platform's or the load generator's work.
        BrokerTraffic.Snapshot brokerBefore = broker.snapshot();
        com.sun.management.OperatingSystemMXBean self =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ProcessProbe.ThreadTimes threadsBefore = platform.threadTimes();
        double cpuBefore = platform.processCpuMillis();
        long selfCpuBefore = self.getProcessCpuTime();
        PipelineWatch.Phase pipeline = watch.startPhase();
        ApiLoad.Result load = ApiLoad.run(client, endpoint, accessKey, numbers, recipientsPerRequest, threads, messages,
                maxSendSeconds * 1000);
        long lastProgress = System.currentTimeMillis();
        long seen = -1;
        while (pipeline.reports.get() < load.acceptedMessages() && System.currentTimeMillis() - lastProgress < DRAIN_STALL_MILLIS) {
            long records = pipeline.requests.get() + pipeline.submitted.get() + pipeline.receipts.get() + pipeline.reports.get();
            if (records != seen) {
                seen = records;
                lastProgress = System.currentTimeMillis();
            }
            Thread.sleep(50);
        }
        long end = Math.max(pipeline.lastReportAt.get(), load.lastAnswerMillis());
        double cpuAfter = platform.processCpuMillis();
        long selfCpuAfter = self.getProcessCpuTime();
        ProcessProbe.ThreadTimes threadsAfter = platform.threadTimes();
        StageCpu stageCpu = StageCpu.between(threadsBefore, threadsAfter, platform.javaThreadNames());
        BrokerTraffic.Growth brokerGrowth = BrokerTraffic.between(brokerBefore, broker.snapshot());
        return new Result(name, recipientsPerRequest, threads, load, pipeline, end, cpuAfter - cpuBefore,
                (selfCpuAfter - selfCpuBefore) / 1e6, stageCpu, brokerGrowth, loadBefore, loadAverage());
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
