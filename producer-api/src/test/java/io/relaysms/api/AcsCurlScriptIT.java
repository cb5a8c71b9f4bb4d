package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.relaysms.kafka.testing.SharedKafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shipped signing helper, scripts/acs-curl.py, run as a user would run it against the API over HTTPS. */
class AcsCurlScriptIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    @TempDir
    Path data;

    @Test
    void signsARequestThatTheApiAccepts() throws Exception {
        Path script = Path.of("..", "scripts", "acs-curl.py").toAbsolutePath().normalize();
        assumeTrue(Files.exists(script) && pythonAvailable(), "python3 and scripts/acs-curl.py are needed");
        try (ApiUnderTest api = ApiUnderTest.start(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data))) {
            Process process = new ProcessBuilder("python3", script.toString(),
                    "--connection-string", api.service.connectionString(),
                    "--cacert", api.service.certificatePath().orElseThrow().toString(),
                    "POST", "/sms?api-version=2021-03-07",
                    SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "from the script"))
                    .redirectErrorStream(true).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).startsWith("HTTP 202").contains("\"successful\":true");
        }
    }

    /** The mistakes a newcomer makes first get one line saying what to do, not a Python traceback. */
    @Test
    void saysWhatToFixWhenTheCertificateIsNotTrustedOrTheKeyIsMangled() throws Exception {
        Path script = Path.of("..", "scripts", "acs-curl.py").toAbsolutePath().normalize();
        assumeTrue(Files.exists(script) && pythonAvailable(), "python3 and scripts/acs-curl.py are needed");
        try (ApiUnderTest api = ApiUnderTest.start(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data))) {
            String body = SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "from the script");
            String withoutCacert = run(script, "--connection-string", api.service.connectionString(),
                    "POST", "/sms?api-version=2021-03-07", body);
            String connection = api.service.connectionString();
            String mangledKey = run(script, "--connection-string", connection.substring(0, connection.indexOf("accesskey=") + 10) + "not*base64",
                    "--cacert", api.service.certificatePath().orElseThrow().toString(), "POST", "/sms?api-version=2021-03-07", body);

            assertThat(withoutCacert).contains("certificate is not trusted").contains("--cacert").doesNotContain("Traceback");
            assertThat(mangledKey).contains("accesskey is not base64").doesNotContain("Traceback");
        }
    }

    /** The script's output, after checking that it exited with 1. */
    private static String run(Path script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        return output;
    }

    private static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
