package io.relaysms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientValuesTest {

    @Test
    void namesAValueTheClientThatDeclaresTheKeyWouldRefuse() {
        assertThat(KafkaClientValues.problems(Map.of("kafka.acks", "al"))).singleElement().asString()
                .startsWith("kafka.acks: Invalid value al for configuration acks");
        assertThat(KafkaClientValues.problems(Map.of("kafka.request.timeout.ms", "30s"))).singleElement().asString()
                .startsWith("kafka.request.timeout.ms: Invalid value 30s for configuration request.timeout.ms");
        assertThat(KafkaClientValues.problems(Map.of("kafka.isolation.level", "read-committed"))).hasSize(1);
    }

    @Test
    void acceptsValidValuesAndLeavesKeysNoClientDeclaresAlone() {
        assertThat(KafkaClientValues.problems(Map.of("kafka.acks", "all", "kafka.security.protocol", "sasl_ssl",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "kafka.commit.interval.ms", "not checked here: a Kafka Streams key", "api.https.port", "x"))).isEmpty();
    }

    @Test
    void aServiceConfigurationListsABadClientValueWithItsOtherProblems() {
        assertThatThrownBy(() -> new ServiceConfig("test", new org.apache.kafka.common.config.ConfigDef(),
                RelaySettings.of(Map.of("kafka.linger.ms", "-5", "kafak.acks", "all"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("kafka.linger.ms: Invalid value -5")
                .hasMessageContaining("kafak.acks: unknown key");
    }
}
