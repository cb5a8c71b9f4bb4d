package io.relaysms.benchmarks.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Kafka's own producer perf tool ({@code kafka-producer-perf-test}) on the same broker, in the same run, so the
 * dispatcher's figures can be read as a ratio of what this machine's Kafka does at all.
 * The end-to-end benchmark ({@code io.relaysms.benchmarks.e2e}) runs it too.
 */
public final class ProducerPerfBaseline {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

    public record Result(long records, double recordsPerSecond, double megabytesPerSecond, String line) {
    }

    public static Result run(String bootstrapServers, String topic, int records, int recordSize) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(new String[] {"--topic", topic, "--num-records", String.valueOf(records),
                    "--record-size", String.valueOf(recordSize), "--throughput", "-1", "--producer-props",
                    "bootstrap.servers=" + bootstrapServers, "acks=all", "linger.ms=5", "batch.size=262144"});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        Matcher last = null;
        for (String line : output.split("\n")) {
            Matcher m = SUMMARY.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        if (last == null) {
            throw new IllegalStateException("the producer perf tool printed no summary:\n" + output);
        }
        String summary = output.lines().filter(l -> l.contains("records sent")).reduce((a, b) -> b).orElse("");
        return new Result(Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)),
                Double.parseDouble(last.group(3)), summary.trim());
    }
}
