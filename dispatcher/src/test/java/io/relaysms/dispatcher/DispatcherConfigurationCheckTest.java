package io.relaysms.dispatcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherConfigurationCheckTest {

    @Test
    void listsCarrierAttributeAndRateLimitProblemsTogetherWithoutConnectingAnywhere() {
        RelaySettings settings = RelaySettings.of(Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:1",
                "carriers.acme.protocol", "smpp", "carriers.acme.host", "smsc.example.com", "carriers.acme.port", "2775",
                "carriers.acme.window", "0",
                "carriers.web.protocol", "http", "carriers.web.url", "ftp://carrier.example.com/send",
                "carriers.bare.protocol", "http", "carriers.bare.url", "http://",
                "number-types.toll-free.rate-limit.per-minute", "lots"));

        assertThatThrownBy(() -> DispatcherService.checkConfiguration(settings))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("carriers.acme.window")
                .hasMessageContaining("carriers.web.url")
                .hasMessageContaining("carriers.bare.url: not a URL (was 'http://')")
                .hasMessageContaining("number-types.toll-free.rate-limit.per-minute");
    }

    @Test
    void aValidConfigurationPasses() {
        assertThatCode(() -> DispatcherService.checkConfiguration(RelaySettings.of(Map.of(
                "carriers.acme.protocol", "smpp", "carriers.acme.host", "smsc.example.com", "carriers.acme.port", "2775",
                "numbers.+18005550100.type", "toll-free", "numbers.+18005550100.route", "acme"))))
                .doesNotThrowAnyException();
    }
}
