package io.relaysms.benchmarks.e2e;

import io.relaysms.benchmarks.dispatch.ProducerPerfBaseline;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one run measured, printed per phase as it goes and as a compact summary at the end. */
final class Report {

    private final E2eOptions options;
    private final int numbers;
    String loadAtStart;
    String loadAtReady;
    Duration startUp;
    long reportedReadyMillis;
    double startUpCpuMillis;
    ProcessProbe.Memory memoryAtReady;
    ProcessProbe.Memory memoryAtEnd;
    String heapAtEnd;
    String loadBeforePerf;
    String loadAfterPerf;
    ProducerPerfBaseline.Result producerPerf;
    ConsumerPerfBaseline.Result consumerPerf;
    PhaseRun.Result warmUp;
    final List<PhaseRun.Result> phases = new ArrayList<>();

    Report(E2eOptions options, int numbers) {
        this.options = options;
        this.numbers = numbers;
    }

    void printPhase(PhaseRun.Result r, PrintStream out) {
        PipelineWatch.Phase p = r.pipeline();
        ApiLoad.Result load = r.load();
        out.printf("  %s: accepted %,d messages in %,d requests (%.0f messages/s at the API, request p50 %d ms p99 %d ms)%s%n",
                r.name(), load.acceptedMessages(), load.acceptedRequests(), r.acceptedPerSecond(), load.requestLatency().p50(),
                load.requestLatency().p99(), load.refusedByStatus().isEmpty() ? "" : ", refused " + load.refusedByStatus());
        out.printf("  on the topics: %,d requests, %,d SUBMITTED (+%,d other events), %,d receipts, %,d reports (%,d delivered)%s%n",
                p.requests.get(), p.submitted.get(), p.otherEvents.get(), p.receipts.get(), p.reports.get(), p.delivered.get(),
                r.complete() ? "" : "  INCOMPLETE: the pipeline stopped moving");
        double sending = Math.max(0.001, load.seconds());
        out.printf("  rate per stage, messages/s from the first send to the last record of the stage: requests %.0f, SUBMITTED %.0f,"
                        + " receipts %.0f, reports %.0f (sending lasted %.1f s)%n", rate(p.requests.get(), p.lastRequestAt.get(), load),
                rate(p.submitted.get(), p.lastSubmittedAt.get(), load), rate(p.receipts.get(), p.lastReceiptAt.get(), load),
                rate(p.reports.get(), p.lastReportAt.get(), load), sending);
        out.printf("  end to end: %.0f messages/s; platform CPU %.0f us/message (%.0f%% of one core); load generator CPU %.0f us/message;"
                        + " load %s -> %s%n", r.endToEndPerSecond(), r.platformCpuMicrosPerMessage(),
                100 * r.platformCpuMillis() / Math.max(1, r.endMillis() - load.firstSendMillis()),
                p.reports.get() == 0 ? 0 : r.loadGeneratorCpuMillis() * 1000 / p.reports.get(), r.loadBefore(), r.loadAfter());
        out.printf("  stage latency ms p50/p99: send->accept %s, accept->submitted %s, submitted->receipt %s, receipt->report %s;"
                        + " accept->report %s%n", pp(p.sendToAccept), pp(p.acceptToSubmitted), pp(p.submittedToReceipt),
                pp(p.receiptToReport), pp(p.acceptToReport));
        double perMessage = 1000.0 / Math.max(1, p.reports.get());
        StringBuilder stages = new StringBuilder("  platform CPU by stage, us/message:");
        r.stageCpu().byStage().forEach((stage, millis) -> {
            if (millis > 0) {
                stages.append(String.format(" %s %.0f;", stage, millis * perMessage));
            }
        });
        out.println(stages);
        StringBuilder groups = new StringBuilder("  busiest thread groups, us/message:");
        for (Map.Entry<String, Double> g : r.stageCpu().topGroups(12).entrySet()) {
            groups.append(String.format(" [%s] %.0f;", g.getKey(), g.getValue() * perMessage));
        }
        out.println(groups);
        out.println(brokerLine(r));
    }

    private String brokerLine(PhaseRun.Result r) {
        long reports = Math.max(1, r.pipeline().reports.get());
        StringBuilder line = new StringBuilder(String.format("  broker took %.1f records and %.0f bytes per message (",
                r.brokerRecordsPerMessage(), (double) r.broker().totalBytes() / reports));
        Map<String, Long> bytes = r.broker().bytes();
        r.broker().records().forEach((group, records) -> line.append(String.format("%s %.1f/%.0f B, ", group,
                (double) records / reports, (double) bytes.get(group) / reports)));
        line.setLength(line.length() - 2);
        line.append("; records include transaction markers)");
        if (producerPerf != null && r.brokerRecordsPerMessage() > 0) {
            line.append(String.format("; at the producer perf tool's %,.0f records/s that is %,.0f messages/s",
                    producerPerf.recordsPerSecond(), producerPerf.recordsPerSecond() / r.brokerRecordsPerMessage()));
        }
        line.append(String.format("%n    largest, bytes/records per message:"));
        for (String topic : r.broker().largestTopics(8)) {
            line.append(String.format(" %s %.0f/%.1f;", topic, (double) r.broker().bytesByTopic().get(topic) / reports,
                    (double) r.broker().recordsByTopic().getOrDefault(topic, 0L) / reports));
        }
        return line.toString();
    }

    private static String memory(ProcessProbe.Memory m) {
        return String.format("%d MiB (anonymous %d, files %d)", m.rssKiB() / 1024, m.anonymousKiB() / 1024, m.fileKiB() / 1024);
    }

    private static double rate(long records, long lastAt, ApiLoad.Result load) {
        return records * 1000.0 / Math.max(1, lastAt - load.firstSendMillis());
    }

    private static String pp(MillisRecorder recorder) {
        MillisRecorder.Summary s = recorder.summary();
        return s.p50() + "/" + s.p99();
    }

    void print(PrintStream out) {
        out.printf("%n=== Relay end to end: %d cores, Java %s, platform -Xmx%s, %d sending numbers, %d client threads ===%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), options.heap(), numbers,
                options.threads());
        out.printf("start-up (fresh data folder): %.1f s from process start to the banner (platform's own figure %.1f s),"
                        + " %.1f CPU seconds; load %s -> %s%n", startUp.toMillis() / 1000.0, reportedReadyMillis / 1000.0,
                startUpCpuMillis / 1000, loadAtStart, loadAtReady);
        out.printf("memory: RSS %s when ready, %s at the end, peak (VmHWM) %d MiB%n", memory(memoryAtReady),
                memoryAtEnd == null ? "?" : memory(memoryAtEnd), memoryAtEnd == null ? -1 : memoryAtEnd.peakRssKiB() / 1024);
        out.printf("heap at the end: %s%n", heapAtEnd);
        if (producerPerf != null) {
            out.printf("Kafka perf tools on the platform's broker (load %s -> %s): producer %,.0f records/s (%.1f MB/s, %d B, acks=all),"
                            + " consumer %,.0f records/s (%.1f MB/s)%n", loadBeforePerf, loadAfterPerf, producerPerf.recordsPerSecond(),
                    producerPerf.megabytesPerSecond(), 300, consumerPerf.recordsPerSecond(), consumerPerf.megabytesPerSecond());
        }
        out.printf("%-8s %5s %10s %10s %10s %9s %9s %9s %9s %9s %9s %14s%n", "phase", "rcpt", "accepted", "API msg/s",
                "e2e msg/s", "send>acc", "acc>subm", "subm>rcpt", "rcpt>rep", "acc>rep", "CPU us/m", "load");
        for (PhaseRun.Result r : phases) {
            PipelineWatch.Phase p = r.pipeline();
            out.printf("%-8s %5d %,10d %,10.0f %,10.0f %9s %9s %9s %9s %9s %9.0f %14s%s%n", r.name(), r.recipientsPerRequest(),
                    r.load().acceptedMessages(), r.acceptedPerSecond(), r.endToEndPerSecond(), pp(p.sendToAccept),
                    pp(p.acceptToSubmitted), pp(p.submittedToReceipt), pp(p.receiptToReport), pp(p.acceptToReport),
                    r.platformCpuMicrosPerMessage(), r.loadBefore().split(" ")[0] + "->" + r.loadAfter().split(" ")[0],
                    r.complete() ? "" : " INCOMPLETE");
        }
        out.println("latencies: p50/p99 ms. CPU us/m: the platform process's CPU per delivered report (all its threads).");
        for (PhaseRun.Result r : phases) {
            Map<String, Double> stages = r.stageCpu().byStage();
            String busiest = stages.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
            out.printf("%s: most CPU in %s (%.0f%% of the platform's)%n", r.name(), busiest,
                    100 * stages.getOrDefault(busiest, 0.0) / Math.max(1, r.stageCpu().totalMillis()));
            out.println(r.name() + ":" + brokerLine(r).substring(1));
        }
        out.printf("targets: >= 10,000 messages/s end to end; RSS < 1 GiB; ready < 15 s%n");
    }
}
