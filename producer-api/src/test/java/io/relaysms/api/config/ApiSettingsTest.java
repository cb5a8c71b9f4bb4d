package io.relaysms.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {

    @Test
    void stopsStartUpNamingTheKeyOfABadDuration() {
        assertThatThrownBy(() -> new ApiSettings(RelaySettings.of(Map.of("api.publish.timeout", "soon", "api.clock-skew", "0s"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("api.publish.timeout").hasMessageContaining("api.clock-skew");
    }

    @Test
    void hidesTheAccessKeysWhenPrinted() {
        ApiSettings settings = new ApiSettings(RelaySettings.of(Map.of("api.access-key.primary", "c2VjcmV0LXNlY3JldC1zZWNyZXQ=")));

        assertThat(settings.serviceConfig().toString()).doesNotContain("c2VjcmV0LXNlY3JldC1zZWNyZXQ=");
        assertThat(settings.primaryKey()).hasValue("c2VjcmV0LXNlY3JldC1zZWNyZXQ=");
    }
}
