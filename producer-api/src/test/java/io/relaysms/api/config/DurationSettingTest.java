package io.relaysms.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DurationSettingTest {

    @Test
    void readsUnitsAndIso8601() {
        assertThat(DurationSetting.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationSetting.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationSetting.parse("PT5H")).isEqualTo(Duration.ofHours(5));
    }

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
