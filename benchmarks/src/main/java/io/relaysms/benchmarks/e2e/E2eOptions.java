package io.relaysms.benchmarks.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The end-to-end benchmark's command line; every option has a default, so no argument runs the whole benchmark. */
record E2eOptions(long messages, long durationSeconds, List<String> phases, int bulkRecipients, int threads, long warmUpMessages,
                  int perfRecords, Path jar, List<String> jvmOptions, Optional<Path> config) {

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
              --jvm-options "..." the platform's JVM options, space-separated (default: platform/jvm.options, as
                                  ./relay start)
              --heap SIZE         the platform's -Xmx, after the JVM options (default: theirs)
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
        Optional<String> heap = Optional.empty();
        List<String> jvmOptions = null;
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
                case "--heap" -> heap = Optional.of(value);
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
        List<String> platformOptions = new java.util.ArrayList<>(jvmOptions != null ? jvmOptions : PlatformProcess.defaultJvmOptions());
        heap.ifPresent(size -> platformOptions.add("-Xmx" + size)); // the JVM takes the last -Xmx it is given
        return new E2eOptions(messages, duration, phases, bulkRecipients, threads, warmUp, perfRecords, jar,
                List.copyOf(platformOptions), config);
    }

    /** The platform's -Xmx as its JVM takes it (the last one given), or "JVM default". */
    String heap() {
        String heap = "JVM default";
        for (String option : jvmOptions) {
            if (option.startsWith("-Xmx")) {
                heap = option.substring("-Xmx".length());
            }
        }
        return heap;
    }

    int recipientsFor(String phase) {
        return phase.equals("bulk") ? bulkRecipients : 1;
    }
}
