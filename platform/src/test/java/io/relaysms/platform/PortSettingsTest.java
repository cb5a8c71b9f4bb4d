package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import io.relaysms.config.RelaySettings;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void aTakenPortNamesTheSettingsAndEnvironmentVariablesThatMoveIt() {
        RuntimeException failure = new IllegalStateException("producer-api failed to start: Port already in use",
                new IllegalStateException("bind", new BindException("Address already in use")));

        RuntimeException explained = PortSettings.explain("producer-api", failure);

        assertThat(explained.getMessage())
                .startsWith("producer-api failed to start: Port already in use\n")
                .contains("api.https.port, api.http.port in the configuration file")
                .contains("RELAY_API_HTTPS_PORT=<port>");
        assertThat(explained).isInstanceOf(PortSettings.PortTakenException.class).hasCause(failure);
    }

    @Test
    void otherFailuresPassUnchanged() {
        RuntimeException failure = new IllegalStateException("dispatcher failed to start: no carrier route 'x'");

        assertThat(PortSettings.explain("dispatcher", failure)).isSameAs(failure);
    }

    @Test
    void thePlatformSaysHowToMoveTheBrokerWhenItsPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RelaySettings settings = RelaySettings.of(Map.of(
                    PlatformConfig.DATA_DIR, dataDir.toString(),
                    PlatformConfig.KAFKA_PORT, String.valueOf(taken.getLocalPort()),
                    PlatformConfig.KAFKA_CONTROLLER_PORT, "0",
                    PlatformConfig.SIMULATOR_ENABLED, "false"));

            RuntimeException failure = catchRuntimeException(() -> RelayPlatform.start(settings));

            assertThat(failure).isInstanceOf(PortSettings.PortTakenException.class);
            assertThat(failure.getMessage())
                    .contains("Kafka broker port " + taken.getLocalPort() + " is in use")
                    .contains("platform.kafka.port, platform.kafka.controller-port")
                    .contains("RELAY_PLATFORM_KAFKA_PORT=<port>");
        }
    }
}
