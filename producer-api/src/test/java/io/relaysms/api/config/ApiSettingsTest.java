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
    void takesSeveralTrackerUrlsAndRefusesOneWithoutSchemeOrHost() {
        assertThat(new ApiSettings(RelaySettings.of(Map.of("api.delivery-reports.url", "http://tracker-1:8086, https://tracker-2:8443/")))
                .deliveryReportsUrls()).extracting(Object::toString).containsExactly("http://tracker-1:8086", "https://tracker-2:8443/");
        for (String bad : new String[] {"tracker:8086", "ftp://tracker:8086", ""}) {
            assertThatThrownBy(() -> new ApiSettings(RelaySettings.of(Map.of("api.delivery-reports.url", bad))))
                    .as(bad).isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("api.delivery-reports.url");
        }
    }

    @Test
    void hidesTheAccessKeysWhenPrinted() {
        ApiSettings settings = new ApiSettings(RelaySettings.of(Map.of("api.access-key.primary", "c2VjcmV0LXNlY3JldC1zZWNyZXQ=")));

        assertThat(settings.serviceConfig().toString()).doesNotContain("c2VjcmV0LXNlY3JldC1zZWNyZXQ=");
        assertThat(settings.primaryKey()).hasValue("c2VjcmV0LXNlY3JldC1zZWNyZXQ=");
    }
}
