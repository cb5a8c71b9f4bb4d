package io.relaysms.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.config.RelaySettings;
import io.relaysms.runtime.KafkaEnvironment;
import io.relaysms.tracker.config.TrackerSettings;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    private static Properties propertiesWith(Map<String, String> values) {
        TrackerSettings settings = TrackerSettings.from(RelaySettings.of(values));
        return DeliveryTrackerService.streamsProperties(new KafkaEnvironment(settings.serviceConfig()), settings,
                DeliveryTrackerService.REPORTS_APPLICATION, List.of(), "localhost:9092", null);
    }

    @Test
    void takesTheTrackerDefaultsWhenTheUserSetsNothing() {
        Properties properties = propertiesWith(Map.of());

        DeliveryTrackerService.trackerDefaults().forEach((key, value) -> assertThat(properties).containsEntry(key, value));
        assertThat(properties).containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    }

    @Test
    void letsTheUsersKafkaSettingsOverrideTheTrackerDefaults() {
        Properties properties = propertiesWith(Map.of("kafka.max.task.idle.ms", "0", "kafka.commit.interval.ms", "200"));

        assertThat(properties).containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "0")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
    }
}
