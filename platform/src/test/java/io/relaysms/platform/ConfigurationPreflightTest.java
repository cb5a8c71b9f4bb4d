package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationPreflightTest {

    @TempDir
    Path data;

    private List<String> problems(Map<String, String> changes) {
        Map<String, String> settings = new HashMap<>(PlatformUnderTest.demoSettings(data));
        settings.putAll(changes);
        try {
            ConfigurationPreflight.check(RelaySettings.of(settings));
        } catch (InvalidConfigurationException e) {
            return e.problems();
        }
        return List.of();
    }

    @Test
    void theDemoConfigurationPasses() {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void aBadValueInAKeyEveryServiceReadsDoesNotHideTheProblemsBehindIt() {
        assertThat(problems(Map.of("kafka.acks", "al", "carriers.sim.window", "0")))
                .anySatisfy(p -> assertThat(p).startsWith("kafka.acks: Invalid value al"))
                .anySatisfy(p -> assertThat(p).startsWith("carriers.sim.window: "))
                .hasSize(2);
        assertThat(problems(Map.of("numbers.+18005550100.route", "nosuch", "webhooks.ops.url", "x",
                "webhooks.ops.secret", "a-long-enough-secret-value", "api.access-key.primary", "abc")))
                .anySatisfy(p -> assertThat(p).startsWith("numbers.+18005550100.route: no carrier 'nosuch'"))
                .anySatisfy(p -> assertThat(p).startsWith("webhooks.ops.url: "))
                .anySatisfy(p -> assertThat(p).startsWith("api.access-key.primary: "))
                .hasSize(3);
    }

    @Test
    void aKeySetAsideForASecondReadingIsNotReportedAgainAsMissing() {
        assertThat(problems(Map.of("carriers.web.protocol", "http", "carriers.web.url", "example.com/api",
                "kafka.acks", "al")))
                .containsExactly("kafka.acks: Invalid value al for configuration acks: String must be one of: all, -1, 0, 1",
                        "carriers.web.url: must be an http:// or https:// URL with a host (was 'example.com/api')");
    }

    @Test
    void theSimulatorRouteMustBeAConfiguredCarrier() {
        assertThat(problems(Map.of(PlatformConfig.SIMULATOR_ROUTE, "nosuch")))
                .containsExactly("platform.simulator.route: no carrier 'nosuch' is configured (the carriers.<id> route "
                        + "whose host and port the launcher points at the simulator)");
    }

    @Test
    void platformKeysAreCheckedWithTheServices() {
        assertThatThrownBy(() -> ConfigurationPreflight.check(RelaySettings.of(Map.of("platform.kafka.prot", "1",
                "dispatcher.retry.initial.ms", "0"))))
                .hasMessageContaining("platform.kafka.prot: unknown key for platform")
                .hasMessageContaining("dispatcher.retry.initial.ms");
    }
}
