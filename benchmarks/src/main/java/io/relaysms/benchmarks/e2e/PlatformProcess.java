package io.relaysms.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform as users run it: {@code java <platform/jvm.options> -jar relay-platform.jar config.yaml}, with
 * {@code MALLOC_ARENA_MAX=2}, as {@code ./relay start} does, in its own process, so that
 * its memory (RSS) and CPU are its own. Ready is the banner on stdout ("Relay is running"); the start-up time is from
 * just before the process is started to the moment that line is read. The endpoint, certificate and Kafka address
 * are read from the banner. Its log (stderr) is copied to a file; its stdout after the banner is dropped.
 */
final class PlatformProcess implements AutoCloseable {

    /** Where {@code ./relay start} reads its default JVM options, relative to the repository (the working folder). */
    static final Path DEFAULT_JVM_OPTIONS = Path.of("platform/jvm.options");

    private static final Pattern ENDPOINT = Pattern.compile("^\\s+Endpoint\\s+(\\S+)");
    private static final Pattern CERTIFICATE = Pattern.compile("^\\s+Certificate\\s+(\\S+)");
    private static final Pattern KAFKA = Pattern.compile("^\\s+Kafka\\s+(\\S+)");
    private static final Pattern READY_LOG = Pattern.compile("Relay platform ready in (\\d+) ms");

    private final Process process;
    private final Duration startUp;
    private final long reportedReadyMillis;
    private final URI endpoint;
    private final Path certificate;
    private final String bootstrapServers;

    private PlatformProcess(Process process, Duration startUp, long reportedReadyMillis, URI endpoint, Path certificate,
                            String bootstrapServers) {
        this.process = process;
        this.startUp = startUp;
        this.reportedReadyMillis = reportedReadyMillis;
        this.endpoint = endpoint;
        this.certificate = certificate;
        this.bootstrapServers = bootstrapServers;
    }

    /** The options of {@link #DEFAULT_JVM_OPTIONS}: every line that is not a comment, split at white space. */
    static List<String> defaultJvmOptions() {
        try {
            return java.nio.file.Files.readAllLines(DEFAULT_JVM_OPTIONS).stream().filter(line -> !line.startsWith("#"))
                    .flatMap(line -> java.util.Arrays.stream(line.trim().split("\\s+"))).filter(o -> !o.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_JVM_OPTIONS.toAbsolutePath() + " (run from the "
                    + "repository's folder, or give --jvm-options): " + e.getMessage(), e);
        }
    }

    static PlatformProcess start(Path jar, List<String> jvmOptions, Path config, Path dataDirectory,
                                 Path logFile, Duration timeout) throws IOException, InterruptedException, TimeoutException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(logFile.toFile());
        builder.environment().put("RELAY_PLATFORM_DATA_DIR", dataDirectory.toString());
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        long begin = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<List<String>> banner = new CompletableFuture<>();
        Thread reader = new Thread(() -> readBanner(process.getInputStream(), banner, begin), "platform-stdout");
        reader.setDaemon(true);
        reader.start();
        List<String> lines;
        try {
            lines = banner.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the platform did not print its banner within " + timeout + "; its log: " + logFile, e);
        }
        Duration startUp = Duration.ofNanos(Long.parseLong(lines.get(0)));
        String endpoint = find(lines, ENDPOINT, "endpoint");
        String certificate = find(lines, CERTIFICATE, "certificate");
        String kafka = find(lines, KAFKA, "Kafka address");
        return new PlatformProcess(process, startUp, reportedReady(logFile), URI.create(endpoint), Path.of(certificate), kafka);
    }

    /** Collects stdout up to the end of the banner's table (the first line of the first element is the elapsed nanos). */
    private static void readBanner(InputStream out, CompletableFuture<List<String>> banner, long begin) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            boolean running = false;
            while ((line = reader.readLine()) != null) {
                if (!running && line.contains("Relay is running")) {
                    running = true;
                    lines.add(String.valueOf(System.nanoTime() - begin));
                }
                if (running && !banner.isDone()) {
                    lines.add(line);
                    if (line.contains("Numbers you own")) {
                        banner.complete(lines);
                    }
                }
            }
            banner.completeExceptionally(new IllegalStateException("the platform's stdout ended before its banner"));
        } catch (IOException e) {
            banner.completeExceptionally(e);
        }
    }

    private static String find(List<String> lines, Pattern pattern, String what) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("no " + what + " in the platform's banner:\n" + String.join("\n", lines));
    }

    /** The platform's own figure, from its log: the time inside the JVM, without JVM start and class loading. */
    private static long reportedReady(Path logFile) throws IOException {
        Matcher m = READY_LOG.matcher(java.nio.file.Files.readString(logFile, StandardCharsets.UTF_8));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    long pid() {
        return process.pid();
    }

    Duration startUp() {
        return startUp;
    }

    long reportedReadyMillis() {
        return reportedReadyMillis;
    }

    URI endpoint() {
        return endpoint;
    }

    Path certificate() {
        return certificate;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as Ctrl-C would, then waits for the clean stop; kills it if that takes more than a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    void describe(PrintStream out) {
        out.printf("platform pid %d: %s, Kafka %s%n", pid(), endpoint, bootstrapServers);
    }
}
