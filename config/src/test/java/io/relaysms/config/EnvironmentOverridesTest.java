package io.relaysms.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {

    @Test
    void mapsDeclaredKeysByTheirUpperCaseNames() {
        Map<String, String> resolved = EnvironmentOverrides.resolve(
                Map.of("RELAY_API_HTTP_PORT", "8443", "RELAY_TOPICS_PREFIX", "prod.", "PATH", "/bin"),
                List.of("api.http.port", "topics.prefix"));

        assertThat(resolved).containsOnly(Map.entry("api.http.port", "8443"), Map.entry("topics.prefix", "prod."));
    }

    @Test
    void passesKafkaClientSettingsThroughWithDots() {
        Map<String, String> resolved = EnvironmentOverrides.resolve(
                Map.of("RELAY_KAFKA_SASL_JAAS_CONFIG", "x", "RELAY_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), List.of());

        assertThat(resolved)
                .containsEntry("kafka.sasl.jaas.config", "x")
                .containsEntry("kafka.security.protocol", "SASL_SSL");
    }

    @Test
    void dashesInKeysBecomeUnderscores() {
        assertThat(EnvironmentOverrides.environmentName("dispatcher.max-in-flight")).isEqualTo("RELAY_DISPATCHER_MAX_IN_FLIGHT");
    }
}
