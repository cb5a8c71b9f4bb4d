package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.api.config.ApiSettings;
import io.relaysms.config.RelaySettings;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedHeapSizesTest {

    private static String repeatabilityEntries(RelaySettings settings) {
        return RelayPlatform.withSharedHeapSizes(settings)
                .resolve(Set.of(ApiSettings.REPEATABILITY_MAX_ENTRIES)).get(ApiSettings.REPEATABILITY_MAX_ENTRIES);
    }

    @Test
    void remembersFewerRepeatableRecipientsThanAStandaloneApi() {
        assertThat(repeatabilityEntries(RelaySettings.of(Map.of()))).isEqualTo("200000");
    }

    @Test
    void keepsWhatTheConfigurationSays() {
        assertThat(repeatabilityEntries(RelaySettings.of(Map.of(ApiSettings.REPEATABILITY_MAX_ENTRIES, "5000000"))))
                .isEqualTo("5000000");
    }
}
