package io.relaysms.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class KafkaEnvironmentTest {

    private KafkaEnvironment environment(Map<String, String> settings) {
        return new KafkaEnvironment(new ServiceConfig("dispatcher", new ConfigDef(), RelaySettings.of(settings)));
    }

    @Test
    void userKafkaSettingsOverrideRelayDefaultsButNotWhatTheCodeRequires() {
        KafkaEnvironment env = environment(Map.of("kafka.bootstrap.servers", "b:9092", "kafka.linger.ms", "20",
                "kafka.enable.idempotence", "false"));

        var producer = env.producerProperties("p", Map.of("enable.idempotence", "true"));

        assertThat(producer).containsEntry("bootstrap.servers", "b:9092").containsEntry("linger.ms", "20")
                .containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
    }

    @Test
    void anUnreachableClusterFailsTheTopicCheckAfterTheTimeItNamesNotTheAdminClientsMinute() {
        KafkaEnvironment env = environment(Map.of("kafka.bootstrap.servers", "127.0.0.1:1"));
        long begin = System.nanoTime();

        assertThatThrownBy(() -> env.ensureTopics(Duration.ofSeconds(3)))
                .hasMessageStartingWith("the Kafka cluster did not answer within 3s");
        // Before, the admin client's close waited out its own 60 s deadline for the abandoned call; now the timeout
        // plus at most the 5 s bounded close.
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void prefixesTopicsAndGroupIdsAlike() {
        KafkaEnvironment env = environment(Map.of("topics.prefix", "prod."));

        assertThat(env.topics().smsRequests().name()).isEqualTo("prod.sms-requests");
        assertThat(env.groupId("relay-dispatcher")).isEqualTo("prod.relay-dispatcher");
    }

    @Test
    void streamsRunExactlyOnce() {
        assertThat(environment(Map.of()).streamsProperties("app", Map.of()))
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("application.id", "app");
    }

    @Test
    void boundsRocksDbMemoryUnlessTheDeploymentBringsItsOwnSetter() {
        assertThat(environment(Map.of()).streamsProperties("app", Map.of()))
                .containsEntry("rocksdb.config.setter", BoundedRocksDbMemory.class.getName());
        assertThat(environment(Map.of("kafka.rocksdb.config.setter", "com.example.Sizing")).streamsProperties("app", Map.of()))
                .containsEntry("rocksdb.config.setter", "com.example.Sizing");
    }

    @Test
    void passesTheRegistryToTheSerdes() {
        KafkaEnvironment env = environment(Map.of("schema.registry.url", "http://registry:8081"));

        assertThat(env.serdeSettings()).containsEntry("schema.registry.url", "http://registry:8081");
    }
}
