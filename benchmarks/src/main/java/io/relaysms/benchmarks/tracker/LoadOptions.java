package io.relaysms.benchmarks.tracker;

import java.util.HashMap;
import java.util.Map;

/**
 * Options of {@link ReceiptToReportLoad}, as {@code --name=value} arguments.
 *
 * @param messages         messages of the paced phase, whose receipt-to-report latencies are measured
 * @param rate             receipts per second in the paced phase
 * @param burst            messages of the unpaced phase, which measures reports/s
 * @param segments         segments per message (each gets its own receipt)
 * @param configured       whether the carrier's id formats are configured (hex submit, decimal receipt) or left on auto
 * @param partitions       partitions of every topic
 * @param commitIntervalMs Kafka Streams commit.interval.ms (under exactly-once, how often results become visible);
 *                         0 leaves the tracker's default
 * @param stores           tracker.state-stores: rocksdb or in-memory
 * @param kafka            further {@code --kafka.<key>=<value>} settings passed to the tracker as they are
 */
record LoadOptions(int messages, int rate, int burst, int segments, boolean configured, int partitions, int commitIntervalMs,
                   String stores, Map<String, String> kafka) {

    static LoadOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not '" + arg + "'");
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Map<String, String> kafka = new HashMap<>();
        given.entrySet().removeIf(entry -> entry.getKey().startsWith("kafka.") && kafka.put(entry.getKey(), entry.getValue()) == null);
        LoadOptions options = new LoadOptions(number(given, "messages", 10_000), number(given, "rate", 1_000),
                number(given, "burst", 20_000), number(given, "segments", 1),
                !"auto".equals(given.getOrDefault("id-formats", "configured")), number(given, "partitions", 6),
                number(given, "commit-interval-ms", 0), given.getOrDefault("state-stores", "rocksdb"), Map.copyOf(kafka));
        given.keySet().removeAll(java.util.Set.of("messages", "rate", "burst", "segments", "id-formats", "partitions",
                "commit-interval-ms", "state-stores"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet() + "; known: --messages, --rate, --burst, "
                    + "--segments, --id-formats=auto|configured, --partitions, --commit-interval-ms, --state-stores=rocksdb|in-memory, --kafka.<client setting>");
        }
        return options;
    }

    private static int number(Map<String, String> given, String name, int defaultValue) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name)) : defaultValue;
    }
}
