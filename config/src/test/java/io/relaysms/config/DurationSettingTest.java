package io.relaysms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

class DurationSettingTest {

    private static final ConfigDef TIMEOUTS = new ConfigDef()
            .define("api.publish.timeout", Type.STRING, "5s", DurationSetting.atLeast(Duration.ofMillis(1)), Importance.LOW, "t");

    @Test
    void readsUnitsAndIso8601() {
        assertThat(DurationSetting.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationSetting.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationSetting.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationSetting.parse("PT5H")).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void refusesABareNumberBecauseItsUnitWouldBeAGuess() {
        assertThatThrownBy(() -> DurationSetting.parse("30")).hasMessageContaining("is not a duration");
    }

    @Test
    void stopsStartUpNamingTheKeyOfABadOrTooShortDuration() {
        assertThatThrownBy(() -> new ServiceConfig("api", TIMEOUTS, RelaySettings.of(Map.of("api.publish.timeout", "soon"))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("api.publish.timeout");
        assertThatThrownBy(() -> new ServiceConfig("api", TIMEOUTS, RelaySettings.of(Map.of("api.publish.timeout", "0s"))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("must be at least");
    }

    @Test
    void formatsAsConfigurationSpellsDurations() {
        assertThat(DurationSetting.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(DurationSetting.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(DurationSetting.format(Duration.ofHours(72))).isEqualTo("3d");
        assertThat(DurationSetting.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationSetting.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationSetting.parse(DurationSetting.format(Duration.ofMinutes(90)))).isEqualTo(Duration.ofMinutes(90));
    }
}
