package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.azure.communication.sms.SmsClient;
import com.azure.communication.sms.models.SmsSendResult;
import io.relaysms.config.InvalidConfigurationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a newcomer uses it: the demo configuration, its own embedded broker with a persistent folder, the
 * official Azure SDK. A restart on the same folder keeps the access key, the certificate and the reports.
 */
class RelayPlatformIT {

    @TempDir
    Path data;

    @Test
    void sendsThroughTheAzureSdkAndKeepsEverythingAcrossARestart() throws Exception {
        Map<String, String> settings = PlatformUnderTest.demoSettings(data);
        String messageId;
        String connectionString;
        try (RelayPlatform platform = PlatformUnderTest.start(settings)) {
            String banner = PlatformBanner.render(platform);
            assertThat(banner).contains(platform.api().connectionString().replace("127.0.0.1", "localhost"))
                    .contains(platform.api().certificatePath().orElseThrow().toAbsolutePath().toString())
                    .contains("scripts/acs-curl.py").contains("SmsClientBuilder");

            SmsClient sms = PlatformUnderTest.azureSdk(platform);
            SmsSendResult sent = sms.send(PlatformUnderTest.TOLL_FREE, "+14255550123", "Hello from the launcher test");
            assertThat(sent.isSuccessful()).isTrue();
            messageId = sent.getMessageId();
            connectionString = platform.api().connectionString();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> report = PlatformUnderTest.get(PlatformUnderTest.trackerUrl(platform, "/deliveryReports/" + messageId));
                assertThat(report.statusCode()).isEqualTo(200);
                assertThat(report.body()).contains("\"deliveryStatus\"");
            });
            assertThat(platform.simulator().orElseThrow().submissions()).anyMatch(s -> s.toString().contains("14255550123"));

            // A second platform on the same folder, even on other ports, is refused before it touches anything.
            assertThatThrownBy(() -> PlatformUnderTest.start(settings))
                    .isInstanceOf(DataFolderLock.FolderInUseException.class)
                    .hasMessageContaining(data.toAbsolutePath().toString())
                    .hasMessageContaining("process " + ProcessHandle.current().pid())
                    .hasMessageContaining("platform.data-dir");
            assertThat(sms.send(PlatformUnderTest.TOLL_FREE, "+14255550125", "after a refused second start").isSuccessful()).isTrue();
        }
        assertThat(Files.exists(data.resolve("api").resolve("access-key"))).isTrue();

        try (RelayPlatform again = PlatformUnderTest.start(settings)) {
            String accessKey = connectionString.substring(connectionString.indexOf("accesskey="));
            assertThat(again.api().connectionString()).endsWith(accessKey);
            HttpResponse<String> report = PlatformUnderTest.get(PlatformUnderTest.trackerUrl(again, "/deliveryReports/" + messageId));
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).contains(messageId);
            SmsSendResult afterRestart = PlatformUnderTest.azureSdk(again).send(PlatformUnderTest.TOLL_FREE, "+14255550124", "after restart");
            assertThat(afterRestart.isSuccessful()).isTrue();
        }
    }

    @Test
    void stopsWhatItStartedWhenAServiceFailsToStart() throws IOException {
        Map<String, String> broken = new HashMap<>(PlatformUnderTest.demoSettings(data));
        try (ServerSocket taken = new ServerSocket(0)) { // the wildcard address, which the dispatcher binds by default
            // The dispatcher finds its port taken only when it binds, after the broker is up.
            broken.put("dispatcher.operations.port", String.valueOf(taken.getLocalPort()));

            assertThatThrownBy(() -> PlatformUnderTest.start(broken))
                    .isInstanceOf(PortSettings.PortTakenException.class)
                    .hasMessageContaining("dispatcher.operations.port");
        }

        // The same data folder again: Kafka locks its log folder, so this starts only if the first broker was stopped.
        try (RelayPlatform platform = PlatformUnderTest.start(PlatformUnderTest.demoSettings(data))) {
            assertThat(platform.broker()).isPresent();
        }
    }

    @Test
    void refusesAnUnknownKeyBeforeStartingAnything() {
        Map<String, String> settings = new HashMap<>(PlatformUnderTest.demoSettings(data));
        settings.put("platfrom.data-dir", "typo");

        assertThatThrownBy(() -> PlatformUnderTest.start(settings))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("platfrom.data-dir");
        assertThat(data.resolve("kafka")).doesNotExist();
    }

    @Test
    void listsEveryServicesConfigurationProblemBeforeStartingTheBroker() {
        Map<String, String> settings = new HashMap<>(PlatformUnderTest.demoSettings(data));
        settings.put("dispatcher.retry.initial.ms", "0");
        settings.put("optout.http.advertised.host", "optout-1");
        settings.put("webhooks.ops.url", "not a url");
        settings.put("api.access-key.secondary", "c2hvcnQ=");
        settings.put("carriers.sim.window", "0");
        settings.put("kafka.acks", "al");
        settings.put("platform.kafka.prot", "9092");

        assertThatThrownBy(() -> PlatformUnderTest.start(settings))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("platform.kafka.prot: unknown key for platform; did you mean platform.kafka.port?")
                .hasMessageContaining("kafka.acks: Invalid value al")
                .hasMessageContaining("carriers.sim.window")
                .hasMessageContaining("dispatcher.retry.initial.ms")
                .hasMessageContaining("did you mean optout.http.advertised-host?")
                .hasMessageContaining("webhooks.ops")
                .hasMessageContaining("api.access-key.secondary: the secondary access key is only 5 bytes long");
        assertThat(data.resolve("kafka")).doesNotExist();
    }
}
