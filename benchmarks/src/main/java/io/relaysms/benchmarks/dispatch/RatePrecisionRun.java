package io.relaysms.benchmarks.dispatch;

import io.relaysms.dispatcher.DispatcherService;
import io.relaysms.dispatcher.ratelimit.RateLimit;
import io.relaysms.simulator.record.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rate-limit precision: many toll-free numbers at 200/min, each with a backlog larger than the run can send. The
 * carrier simulator's receive times are the measure: the most submits any number got into any 1-second and any
 * 60-second window (the limit allows burst + rate x window), and how much of its limit each number used.
 */
final class RatePrecisionRun {

    record Result(int numbers, RateLimit limit, double seconds, long submits, int max1s, double allowed1s, int max60s,
                  double allowed60s, double minUtilisation, double meanUtilisation, double pauses) {
    }

    static Result run(String bootstrapServers, int numberCount, int seconds) throws InterruptedException {
        RateLimit limit = new RateLimit(200, 4);
        int perNumber = (int) Math.ceil(limit.perMinute() * (seconds + 30) / 60.0) + 20;
        try (Scenario scenario = new Scenario(bootstrapServers, 6, Map.of("simulator.record.capacity",
                String.valueOf((long) (numberCount * limit.perSecond() * (seconds + 10)) + 10_000),
                "simulator.behaviour.receipt.delay.min-ms", "0", "simulator.behaviour.receipt.delay.max-ms", "0"))) {
            List<String> numbers = scenario.numbers(0, numberCount, limit.perMinute(), limit.burst());
            scenario.settings.put("carriers.sim.registered-delivery", "false");
            try (RequestWriter writer = new RequestWriter(bootstrapServers, scenario.topics.smsRequests())) {
                for (int i = 0; i < perNumber; i++) {
                    for (String number : numbers) {
                        writer.send(number, "+1425555" + String.format("%04d", i % 10_000));
                    }
                }
                writer.flush();
            }
            double pauses;
            try (DispatcherService dispatcher = DispatcherService.start(scenario.relaySettings())) {
                Thread.sleep(Duration.ofSeconds(seconds).toMillis()); // the load runs for a fixed time
                pauses = dispatcher.metrics().count("dispatcher.partition.pauses");
            }
            Map<String, List<Long>> times = new HashMap<>();
            List<Submission> submissions = scenario.carrier.submissions();
            for (Submission s : submissions) {
                times.computeIfAbsent(s.sourceAddr(), k -> new ArrayList<>()).add(s.receivedAt().toEpochMilli());
            }
            long first = submissions.stream().mapToLong(s -> s.receivedAt().toEpochMilli()).min().orElse(0);
            long last = submissions.stream().mapToLong(s -> s.receivedAt().toEpochMilli()).max().orElse(0);
            // Utilisation over the steady part: from 5 s after the first submit (everyone has joined) to the end.
            long from = first + 5_000;
            double expected = limit.perSecond() * (last - from) / 1000.0;
            int max1 = 0;
            int max60 = 0;
            double minUse = Double.MAX_VALUE;
            double sumUse = 0;
            for (String number : numbers) {
                List<Long> t = times.getOrDefault(number.substring(1), List.of());
                List<Long> sorted = t.stream().sorted().toList();
                max1 = Math.max(max1, SlidingWindows.maxInAnyWindow(sorted, 1_000));
                max60 = Math.max(max60, SlidingWindows.maxInAnyWindow(sorted, 60_000));
                double use = sorted.stream().filter(x -> x >= from).count() / expected;
                minUse = Math.min(minUse, use);
                sumUse += use;
            }
            return new Result(numberCount, limit, (last - first) / 1000.0, submissions.size(), max1,
                    limit.allowedIn(Duration.ofSeconds(1)), max60, limit.allowedIn(Duration.ofSeconds(60)), minUse,
                    sumUse / numberCount, pauses);
        }
    }
}
