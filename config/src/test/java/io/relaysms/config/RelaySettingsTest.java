package io.relaysms.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelaySettingsTest {

    @Test
    void aKeySetAsideIsUnsetWhereverItCameFromAndStaysUnsetUnderLaterOverrides() {
        RelaySettings settings = RelaySettings.of(Map.of("api.https.port", "70000", "topics.prefix", "a."),
                        Map.of("RELAY_TRACKER_HTTP_PORT", "99999"))
                .with("kafka.acks", "al");

        RelaySettings aside = settings.without(List.of("api.https.port", "tracker.http.port", "kafka.acks")).with("other.key", "x");

        assertThat(aside.resolve(List.of("tracker.http.port")))
                .containsOnlyKeys("topics.prefix", "other.key");
        assertThat(settings.resolve(List.of("tracker.http.port")))
                .containsKeys("api.https.port", "tracker.http.port", "kafka.acks");
    }
}
