package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what Ctrl-C, {@code kill} and container runtimes send) while the platform is still starting: it stops what
 * it has started, the broker's log included, instead of the JVM cutting everything off mid-start.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Process destroy is not SIGTERM there")
class StopDuringStartIT {

    /** Kafka writes this into its log folder only when the log manager shut down cleanly. */
    private static final String CLEAN_SHUTDOWN_MARKER = ".kafka_cleanshutdown";

    @TempDir
    Path folder;

    @Test
    void aStopDuringTheStartClosesWhatHadStarted() throws Exception {
        Path data = folder.resolve("data");
        Properties settings = new Properties();
        settings.putAll(PlatformUnderTest.demoSettings(data));
        Path config = folder.resolve("relay.properties");
        try (var out = Files.newBufferedWriter(config)) {
            settings.store(out, null);
        }
        Process platform = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), RelayPlatformMain.class.getName(), config.toString())
                .redirectErrorStream(true).start();
        StringWriter output = new StringWriter();
        CountDownLatch brokerUp = new CountDownLatch(1);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> read(platform, output, brokerUp));
        try {
            assertThat(brokerUp.await(90, TimeUnit.SECONDS)).as("the broker started; output so far:%n%s", output).isTrue();

            // SIGTERM, while the services are still starting (the handle's destroy leaves the output open to read)
            platform.toHandle().destroy();

            assertThat(platform.waitFor(120, TimeUnit.SECONDS)).as("stopped; output:%n%s", output).isTrue();
            reading.get(10, TimeUnit.SECONDS);
            assertThat(output.toString()).contains("Stopping Relay: waiting up to 30s for its start to end", "Relay platform stopped in")
                    .doesNotContain("Relay is running");
            try (Stream<Path> files = Files.walk(data.resolve("kafka"))) {
                assertThat(files.map(Path::getFileName).map(Path::toString)).as("output:%n%s", output)
                        .contains(CLEAN_SHUTDOWN_MARKER);
            }
        } finally {
            platform.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void read(Process process, StringWriter output, CountDownLatch brokerUp) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (line.contains("Kafka broker serving at")) {
                    brokerUp.countDown();
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.append("(reading the output failed: ").append(e.getMessage()).append(")\n");
            }
        }
    }
}
