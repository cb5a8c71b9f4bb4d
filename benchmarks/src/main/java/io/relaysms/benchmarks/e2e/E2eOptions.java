package io.relaysms.benchmarks.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The end-to-end benchmark's command line; every option has a default, so no argument runs the whole benchmark. */
record E2eOptions(long messages, long durationSeconds, List<String> phases, int bulkRecipients, int threads, long warmUpMessages,
                  int perfRecords, Path jar, String heap, List<String> jvmOptions, Optional<Path> config) {

    static final String USAGE = """
            usage: EndToEndBenchmark [options]
              --messages N        messages accepted per phase (default 100000)
              --duration S        at most S seconds of sending per phase (default 60; 0: until --messages)
              --phases LIST       bulk,single (default): 'bulk' sends --bulk-recipients per request, 'single' one
              --bulk-recipients N recipients per bulk request (default 100, the API's maximum)
              --threads N         client threads, closed loop (default 32)
              --warm-up N         messages sent in bulk first, not reported (default 20000; 0 skips)
              --perf-records N    records for Kafka's producer and consumer perf tools (default 1000000; 0 skips)
              --jar PATH          the platform jar (default platform/target/relay-platform.jar)
              --heap SIZE         the platform's -Xmx (default 512m, as ./relay start)
              --jvm-options "..." the platform's other JVM options, space-separated (default as ./relay start:
                                  -XX:+UseParallelGC -Djdk.nio.maxCachedBufferSize=262144)
              --config PATH       the platform configuration (default: e2e/relay-e2e-benchmark.yaml in this jar)
            """;

    static E2eOptions parse(String[] args) {
        long messages = 100_000;
        long duration = 60;
        List<String> phases = List.of("bulk", "single");
        int bulkRecipients = 100;
        int threads = 32;
        long warmUp = 20_000;
        int perfRecords = 1_000_000;
        Path jar = Path.of("platform/target/relay-platform.jar");
        String heap = "512m";
        List<String> jvmOptions = PlatformProcess.DEFAULT_JVM_OPTIONS;
        Optional<Path> config = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("-h") || name.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--messages" -> messages = Long.parseLong(value);
                case "--duration" -> duration = Long.parseLong(value);
                case "--phases" -> phases = List.of(value.split(","));
                case "--bulk-recipients" -> bulkRecipients = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--warm-up" -> warmUp = Long.parseLong(value);
                case "--perf-records" -> perfRecords = Integer.parseInt(value);
                case "--jar" -> jar = Path.of(value);
                case "--heap" -> heap = value;
                case "--jvm-options" -> jvmOptions = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
                case "--config" -> config = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        for (String phase : phases) {
            if (!phase.equals("bulk") && !phase.equals("single")) {
                throw new IllegalArgumentException("--phases takes bulk and/or single, not " + phase);
            }
        }
        return new E2eOptions(messages, duration, phases, bulkRecipients, threads, warmUp, perfRecords, jar, heap, jvmOptions, config);
    }

    int recipientsFor(String phase) {
        return phase.equals("bulk") ? bulkRecipients : 1;
    }
}
