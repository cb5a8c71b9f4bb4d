package io.relaysms.benchmarks.dispatch;

import io.relaysms.dispatcher.DispatcherService;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Head-of-line blocking: one partition shared by an unthrottled number and many numbers saturated at their limit
 * (each with a queue of waiting messages). The unthrottled number sends a message every 50 ms; its latency is from
 * the request's acceptedAt to the carrier's submit_sm_resp (the event's occurredAt). Measured alone first, then
 * next to the saturated neighbours.
 */
final class HeadOfLineRun {

    record Result(int neighbours, int backlogPerNeighbour, long aloneP50, long aloneP99, long loadedP50, long loadedP99,
                  long loadedMax, int probes, double pauses, double neighboursSubmitted) {
    }

    private static final String ALONE = "+14255550001";
    private static final String LOADED = "+14255550002";

    static Result run(String bootstrapServers, int neighbourCount, int backlog, int probeSeconds) throws InterruptedException {
        try (Scenario scenario = new Scenario(bootstrapServers, 1, Map.of("simulator.behaviour.receipt.delay.min-ms", "0",
                "simulator.behaviour.receipt.delay.max-ms", "0"))) {
            List<String> neighbours = scenario.numbers(0, neighbourCount, 200, 4);
            String probe = scenario.numbers(5_000, 1, 6_000_000, 100_000).get(0);
            scenario.settings.put("carriers.sim.registered-delivery", "false");
            scenario.settings.put("carriers.sim.window", "32");
            double pauses;
            double neighboursSubmitted;
            int probes;
            try (DispatcherService dispatcher = DispatcherService.start(scenario.relaySettings());
                 RequestWriter writer = new RequestWriter(bootstrapServers, scenario.topics.smsRequests())) {
                while (!dispatcher.hasJoinedGroup()) {
                    Thread.sleep(10);
                }
                probes = probe(writer, probe, ALONE, 10);
                for (int i = 0; i < backlog; i++) {
                    for (String n : neighbours) {
                        writer.send(n, "+1425556" + String.format("%04d", i));
                    }
                }
                writer.flush();
                Thread.sleep(3_000); // let the backlog reach the lanes: every neighbour's bucket is empty from here on
                probes += probe(writer, probe, LOADED, probeSeconds);
                Thread.sleep(2_000);
                pauses = dispatcher.metrics().count("dispatcher.partition.pauses");
                neighboursSubmitted = dispatcher.metrics().outcomes(DispatchOutcome.SUBMITTED) - probes;
            }
            List<DispatchEvent> events = EventsReader.read(bootstrapServers, scenario.topics.dispatchEvents(),
                    e -> e.getFrom().equals(probe) && e.getOutcome() == DispatchOutcome.SUBMITTED, probes, Duration.ofMinutes(1));
            List<Long> alone = latencies(events, ALONE);
            List<Long> loaded = latencies(events, LOADED);
            return new Result(neighbourCount, backlog, SlidingWindows.percentile(alone, 50), SlidingWindows.percentile(alone, 99),
                    SlidingWindows.percentile(loaded, 50), SlidingWindows.percentile(loaded, 99),
                    loaded.isEmpty() ? -1 : loaded.get(loaded.size() - 1), probes, pauses, neighboursSubmitted);
        }
    }

    private static int probe(RequestWriter writer, String probe, String to, int seconds) throws InterruptedException {
        int sent = 0;
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            writer.send(probe, to);
            writer.flush();
            sent++;
            Thread.sleep(50); // the probe's own pace: 20 messages a second
        }
        return sent;
    }

    private static List<Long> latencies(List<DispatchEvent> events, String to) {
        return events.stream().filter(e -> e.getTo().equals(to))
                .map(e -> Duration.between(e.getRequestAcceptedAt(), e.getOccurredAt()).toMillis()).sorted().toList();
    }
}
