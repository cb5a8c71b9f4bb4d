package io.relaysms.benchmarks.dispatch;

import io.relaysms.kafka.embedded.EmbeddedKafkaBroker;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The dispatcher's benchmark, all in one run on one embedded broker:
 * <ol>
 *   <li>Kafka's producer perf tool (the machine's ceiling) and the dispatch throughput without limits;</li>
 *   <li>rate-limit precision: 1,000 numbers at 200/min under backlog;</li>
 *   <li>head-of-line blocking: an unthrottled number's latency next to saturated numbers of its partition.</li>
 * </ol>
 * Options: {@code --messages N} (throughput backlog, default 300000), {@code --numbers N} (default 1000),
 * {@code --precision-seconds S} (default 130), {@code --neighbours N} (default 500), {@code --probe-seconds S}
 * (default 30), {@code --rounds N} (throughput backlogs dispatched one after the other, each by a fresh worker on a
 * fresh topic prefix, default 3), {@code --skip throughput,precision,hol}.
 *
 * <p>Why rounds: broker, simulator and dispatcher share this JVM, and its JIT compilers keep taking a large share of
 * the two cores for the first minute or two of load. The first round pays for that; the last one is the steady state
 * that a long-running worker sees. Every round is reported.
 */
public final class DispatchBenchmark {

    private DispatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int messages = Integer.parseInt(options.getOrDefault("messages", "300000"));
        int numbers = Integer.parseInt(options.getOrDefault("numbers", "1000"));
        int precisionSeconds = Integer.parseInt(options.getOrDefault("precision-seconds", "130"));
        int neighbours = Integer.parseInt(options.getOrDefault("neighbours", "500"));
        int probeSeconds = Integer.parseInt(options.getOrDefault("probe-seconds", "30"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        List<String> skip = List.of(options.getOrDefault("skip", "").split(","));

        StringBuilder report = new StringBuilder("## Dispatcher benchmark, " + Instant.now() + "\n\n");
        report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, max heap ")
                .append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB, Java ").append(System.getProperty("java.version"))
                .append("; one embedded KRaft broker, the carrier simulator and the dispatcher in this JVM.\n\n");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
            String bootstrap = broker.bootstrapServers();
            if (!skip.contains("throughput")) {
                Properties admin = new Properties();
                admin.put("bootstrap.servers", bootstrap);
                try (Admin client = Admin.create(admin)) {
                    client.createTopics(List.of(new NewTopic("producer-perf", 6, (short) 1))).all().get();
                }
                ProducerPerfBaseline.Result perf = ProducerPerfBaseline.run(bootstrap, "producer-perf", 1_000_000, 300);
                report.append("### Throughput (no limits)\n\n")
                        .append(String.format("- Kafka producer perf tool (1,000,000 x 300 B, acks=all, 6 partitions): "
                                + "**%,.0f records/s** (%.1f MB/s)%n", perf.recordsPerSecond(), perf.megabytesPerSecond()));
                for (int round = 1; round <= rounds; round++) {
                    ThroughputRun.Result dispatch = ThroughputRun.run(bootstrap, messages, numbers);
                    StringBuilder roundLines = new StringBuilder();
                    roundLines.append(String.format("- round %d of %d%s: dispatch, sms-requests -> submit_sm_resp -> SUBMITTED "
                                            + "event, %,d messages over %,d numbers, 1 worker, %s binds x window %s: "
                                            + "**%,.0f messages/s** overall (%,.0f/s between 10%% and 90%%), %.1f s; %,d "
                                            + "SUBMITTED events committed; %.1f%% of the producer perf tool%n", round, rounds,
                                    round == rounds ? " (steady state)" : round == 1 ? " (JIT warm-up)" : "",
                                    dispatch.messages(), dispatch.numbers(), System.getProperty("bench.binds", "2"),
                                    System.getProperty("bench.window", "48"), dispatch.overallPerSecond(),
                                    dispatch.steadyPerSecond(), dispatch.seconds(), dispatch.eventsCommitted(),
                                    100 * dispatch.overallPerSecond() / perf.recordsPerSecond()))
                            .append(String.format("  - CPU of this JVM (broker + simulator + dispatcher, JIT and GC included) "
                                            + "while dispatching: **%.0f µs per message**, i.e. %,.0f messages/s if it had "
                                            + "both cores to itself; system load average %.1f -> %.1f on %d cores%n",
                                    dispatch.cpuMicrosPerMessage(), 2e6 / dispatch.cpuMicrosPerMessage(), dispatch.loadBefore(),
                                    dispatch.loadAfter(), Runtime.getRuntime().availableProcessors()))
                            .append("  - CPU ms by Java thread (pool-N-thread-N are jSMPP's PDU processors of both "
                                    + "sides, PDUReaderWorker their readers; the dispatch loop writes the submit_sm itself; "
                                    + "JIT and GC threads are not Java threads and are not listed): ")
                            .append(dispatch.cpuMillisByThread()).append("\n");
                    report.append(roundLines);
                    System.out.print(roundLines);
                }
                report.append("\n");
            }
            if (!skip.contains("precision")) {
                RatePrecisionRun.Result r = RatePrecisionRun.run(bootstrap, numbers, precisionSeconds);
                report.append("### Rate-limit precision\n\n")
                        .append(String.format("- %,d toll-free numbers at %.0f/min, burst %d, backlog for every number; "
                                        + "%.0f s of sending, %,d submits seen by the carrier%n", r.numbers(),
                                r.limit().perMinute(), r.limit().burst(), r.seconds(), r.submits()))
                        .append(String.format("- highest count of any number in any 1-s window: **%d** (limit + burst allows %.2f)%n",
                                r.max1s(), r.allowed1s()))
                        .append(String.format("- highest count of any number in any 60-s window: **%d** (limit + burst allows %.0f)%n",
                                r.max60s(), r.allowed60s()))
                        .append(String.format("- utilisation of the limit from 5 s after the first submit: mean **%.1f%%**, "
                                + "lowest number %.1f%%; partitions paused %,.0f times (buffers full)%n%n",
                                100 * r.meanUtilisation(), 100 * r.minUtilisation(), r.pauses()));
                System.out.print(report);
            }
            if (!skip.contains("hol")) {
                HeadOfLineRun.Result h = HeadOfLineRun.run(bootstrap, neighbours, 200, probeSeconds);
                report.append("### Head-of-line blocking\n\n")
                        .append(String.format("- one partition; an unthrottled number sends 20 messages/s, acceptedAt -> "
                                + "submit_sm_resp:%n"))
                        .append(String.format("  - alone: p50 %d ms, p99 **%d ms**%n", h.aloneP50(), h.aloneP99()))
                        .append(String.format("  - next to %d numbers saturated at 200/min (%d messages waiting each): "
                                        + "p50 %d ms, p99 **%d ms**, max %d ms (%d probes; %,.0f neighbour messages sent "
                                        + "meanwhile; partition paused %,.0f times)%n%n", h.neighbours(),
                                h.backlogPerNeighbour(), h.loadedP50(), h.loadedP99(), h.loadedMax(), h.probes(),
                                h.neighboursSubmitted(), h.pauses()));
            }
        }
        System.out.println();
        System.out.println(report);
        System.exit(0);
    }
}
