package io.relaysms.benchmarks.dispatch;

import io.relaysms.dispatcher.DispatcherService;
import io.relaysms.schemas.DispatchOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Dispatch throughput without limits: a backlog of single-segment requests over many numbers, one worker,
 * from sms-requests through submit_sm / submit_sm_resp to a committed SUBMITTED event.
 */
final class ThroughputRun {

    /**
     * @param cpuMicrosPerMessage CPU time of this whole JVM (broker, simulator and dispatcher) per message while
     *                            dispatching: what the pipeline costs, whatever else the machine is running
     */
    record Result(int messages, int numbers, double overallPerSecond, double steadyPerSecond, int eventsCommitted,
                  double seconds, double cpuMicrosPerMessage, double loadBefore, double loadAfter,
                  java.util.Map<String, Long> cpuMillisByThread) {
    }

    static Result run(String bootstrapServers, int messages, int numberCount) throws InterruptedException {
        try (Scenario scenario = new Scenario(bootstrapServers, 6, Map.of("simulator.record.capacity", "10000"))) {
            List<String> numbers = scenario.numbers(0, numberCount, 60_000_000, 1_000_000);
            scenario.settings.put("carriers.sim.binds", System.getProperty("bench.binds", "2"));
            scenario.settings.put("carriers.sim.window", System.getProperty("bench.window", "48"));
            scenario.settings.put("carriers.sim.registered-delivery", "false");
            scenario.settings.put("dispatcher.commit.interval.ms", System.getProperty("bench.commit", "100"));
            try (RequestWriter writer = new RequestWriter(bootstrapServers, scenario.topics.smsRequests())) {
                for (int i = 0; i < messages; i++) {
                    writer.send(numbers.get(i % numbers.size()), "+1425555" + String.format("%04d", i % 10_000));
                }
                writer.flush();
            }
            long tenPercentAt = 0;
            long ninetyPercentAt = 0;
            long startedAt;
            long doneAt;
            com.sun.management.OperatingSystemMXBean cpu = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore;
            long cpuAfter;
            double loadBefore;
            double loadAfter;
            java.util.Map<String, Long> cpuByThread;
            try (DispatcherService dispatcher = DispatcherService.start(scenario.relaySettings())) {
                while (!dispatcher.hasJoinedGroup()) {
                    Thread.sleep(10);
                }
                startedAt = System.nanoTime();
                cpuBefore = cpu.getProcessCpuTime();
                ThreadCpu perThread = new ThreadCpu();
                loadBefore = cpu.getSystemLoadAverage();
                double submitted;
                while ((submitted = dispatcher.metrics().outcomes(DispatchOutcome.SUBMITTED)) < messages) {
                    if (tenPercentAt == 0 && submitted >= messages * 0.1) {
                        tenPercentAt = System.nanoTime();
                    }
                    if (ninetyPercentAt == 0 && submitted >= messages * 0.9) {
                        ninetyPercentAt = System.nanoTime();
                    }
                    if (System.nanoTime() - startedAt > Duration.ofMinutes(5).toNanos()) {
                        throw new IllegalStateException("only " + submitted + " of " + messages + " submitted after 5 minutes");
                    }
                    Thread.sleep(20);
                }
                doneAt = System.nanoTime();
                cpuAfter = cpu.getProcessCpuTime();
                cpuByThread = perThread.since();
                loadAfter = cpu.getSystemLoadAverage();
            }
            int committed = EventsReader.read(bootstrapServers, scenario.topics.dispatchEvents(),
                    e -> e.getOutcome() == DispatchOutcome.SUBMITTED, messages, Duration.ofMinutes(2)).size();
            double seconds = (doneAt - startedAt) / 1e9;
            return new Result(messages, numberCount, messages / seconds,
                    messages * 0.8 / ((ninetyPercentAt - tenPercentAt) / 1e9), committed, seconds,
                    (cpuAfter - cpuBefore) / 1e3 / messages, loadBefore, loadAfter, cpuByThread);
        }
    }
}
