package io.relaysms.benchmarks.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * Kafka's own consumer perf tool ({@code kafka-consumer-perf-test}) reading what the producer perf tool wrote, on the
 * platform's broker in the same run: the ceiling for any stage that consumes.
 */
final class ConsumerPerfBaseline {

    record Result(long records, double recordsPerSecond, double megabytesPerSecond, String line) {
    }

    private ConsumerPerfBaseline() {
    }

    static Result run(String bootstrapServers, String topic, long records) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConsumerPerformance.main(new String[] {"--bootstrap-server", bootstrapServers, "--topic", topic,
                    "--num-records", String.valueOf(records), "--timeout", "60000", "--group", "e2e-consumer-perf"});
        } finally {
            System.setOut(original);
        }
        // a header line "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ..." then values
        String output = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("start.time")) {
                List<String> names = List.of(lines.get(i).split(",\\s*"));
                String[] values = lines.get(i + 1).split(",\\s*");
                return new Result(Long.parseLong(values[names.indexOf("data.consumed.in.nMsg")]),
                        Double.parseDouble(values[names.indexOf("nMsg.sec")]), Double.parseDouble(values[names.indexOf("MB.sec")]),
                        lines.get(i + 1));
            }
        }
        throw new IllegalStateException("the consumer perf tool printed no summary:\n" + output);
    }
}
