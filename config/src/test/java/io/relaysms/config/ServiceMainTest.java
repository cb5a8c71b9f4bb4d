package io.relaysms.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceMainTest {

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

    private record Running(RelaySettings settings) implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    private ServiceMain.Started<Running> start(String[] args, Map<String, String> environment, Function<RelaySettings, Running> start) {
        return ServiceMain.start("test service", "java TestMain", List.of("test.http.port"), args, environment,
                ServiceMain.FILE_AND_ENVIRONMENT, start, () -> false, err);
    }

    private String firstLine() {
        return errors.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void startsWithTheFileNamedOnTheCommandLine(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("relay.yaml"), "kafka:\n  bootstrap.servers: broker:9092\n");

        ServiceMain.Started<Running> started = start(new String[] {file.toString()}, Map.of(), Running::new);

        assertThat(started.service()).hasValueSatisfying(running ->
                assertThat(running.settings().resolve(List.of())).containsEntry("kafka.bootstrap.servers", "broker:9092"));
        assertThat(errors.size()).isZero();
    }

    @Test
    void takesTheFileRelayConfigNamesWhenNoneIsGiven(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("relay.properties"), "topics.prefix=from-env.\n");

        ServiceMain.Started<Running> started = start(new String[0], Map.of("RELAY_CONFIG", file.toString()), Running::new);

        assertThat(started.service()).hasValueSatisfying(running ->
                assertThat(running.settings().resolve(List.of())).containsEntry("topics.prefix", "from-env."));
    }

    @Test
    void aMissingFileIsAConfigurationErrorNamingIt(@TempDir Path folder) {
        ServiceMain.Started<Running> started = start(new String[] {folder.resolve("nope.yaml").toString()}, Map.of(), Running::new);

        assertThat(started.service()).isEmpty();
        assertThat(started.exitCode()).isEqualTo(2);
        assertThat(firstLine()).startsWith("test service: invalid configuration:");
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("configuration file not found: " + folder.resolve("nope.yaml"));
    }

    @Test
    void anInvalidConfigurationExitsWithTwoAndListsTheProblems() {
        ServiceMain.Started<Running> started = start(new String[0], Map.of(), settings -> {
            throw new InvalidConfigurationException(List.of("tracker.http.port: not a port", "kafka.acks: unknown"));
        });

        assertThat(started.exitCode()).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("- tracker.http.port: not a port", "- kafka.acks: unknown")
                .doesNotContain("\tat ");
    }

    @Test
    void aFailedStartSaysWhichServiceAndWhyOnTheFirstLineAndExitsWithOne() {
        ServiceMain.Started<Running> started = start(new String[0], Map.of(), settings -> {
            throw new IllegalStateException("the Kafka cluster did not answer within 60s");
        });

        assertThat(started.service()).isEmpty();
        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(firstLine()).isEqualTo("test service did not start: the Kafka cluster did not answer within 60s");
    }

    @Test
    void aTakenPortGetsTheSettingsThatMoveItInsteadOfAStackTrace() {
        ServiceMain.Started<Running> started = start(new String[0], Map.of(), settings -> {
            throw new UncheckedIOException("cannot open the HTTP port 0.0.0.0:8086", new BindException("Address already in use"));
        });

        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("test service did not start: cannot open the HTTP port 0.0.0.0:8086")
                .contains("The test service's ports are set by test.http.port in the configuration file, or by the environment: "
                        + "RELAY_TEST_HTTP_PORT=<port>")
                .doesNotContain("\tat ");
    }

    @Test
    void anErrorDuringTheStartIsReportedLikeAnExceptionNotLeftToEscape() {
        ServiceMain.Started<Running> started = start(new String[0], Map.of(), settings -> {
            throw new NoClassDefFoundError("org/apache/kafka/clients/admin/Admin");
        });

        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(firstLine()).isEqualTo("test service did not start: org/apache/kafka/clients/admin/Admin");
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsType() {
        ServiceMain.Started<Running> started = start(new String[0], Map.of(), settings -> {
            throw new NullPointerException();
        });

        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(firstLine()).isEqualTo("test service did not start: java.lang.NullPointerException");
    }

    @Test
    void helpOrTooManyArgumentsPrintTheUsage() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"a.yaml", "b.yaml"})) {
            errors.reset();
            AtomicBoolean called = new AtomicBoolean();
            ServiceMain.Started<Running> started = start(args, Map.of(), settings -> {
                called.set(true);
                return new Running(settings);
            });
            assertThat(started.exitCode()).isEqualTo(2);
            assertThat(called.get()).isFalse();
            assertThat(firstLine()).startsWith("usage: java TestMain [config.yaml|config.properties]");
        }
    }

    private static final class FolderHeld extends IllegalStateException implements ExplainedFailure {
        FolderHeld(String message) {
            super(message);
        }
    }

    @Test
    void aFailureThatExplainsItselfIsPrintedWithoutAStackTrace() {
        ServiceMain.Started<Running> started = start(new String[0], Map.of(), settings -> {
            throw new FolderHeld("the data folder is held by process 42; stop that one first");
        });

        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .isEqualTo("test service did not start: the data folder is held by process 42; stop that one first\n");
    }

    @Test
    void withoutAFileTheMainsOwnSettingsSourceDecides() {
        ServiceMain.Started<Running> started = ServiceMain.start("test service", "java TestMain", List.of(), new String[0], Map.of(),
                file -> RelaySettings.of(Map.of("topics.prefix", file.isPresent() ? "file." : "demo.")), Running::new, () -> false, err);

        assertThat(started.service()).hasValueSatisfying(running ->
                assertThat(running.settings().resolve(List.of())).containsEntry("topics.prefix", "demo."));
    }

    @Test
    void aStartThatFailsBecauseAStopWasAskedForSaysSoWithoutAStackTrace() {
        ServiceMain.Started<Running> started = ServiceMain.start("test service", "java TestMain", List.of(), new String[0], Map.of(),
                ServiceMain.FILE_AND_ENVIRONMENT, settings -> {
                    throw new ExceptionInInitializerError("Shutdown in progress");
                }, () -> true, err);

        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .isEqualTo("test service stopped while starting (Shutdown in progress)\n");
    }
}
