package io.relaysms.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.kafka.testing.SharedKafkaBroker;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamsRunnerIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private static Topology passThrough(String topic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String())).foreach((k, v) -> { });
        return builder.build();
    }

    private static Properties streams(String bootstrap, String app) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("streams").toString());
        return p;
    }

    @Test
    void returnsOnceTheApplicationIsRunning() throws Exception {
        String topic = kafka.uniquePrefix() + "in";
        try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }

        try (StreamsRunner runner = StreamsRunner.start("test-app", passThrough(topic),
                streams(kafka.bootstrapServers(), kafka.uniquePrefix() + "app"), Duration.ofSeconds(60))) {
            assertThat(runner.isHealthy()).isTrue();
            assertThat(runner.state()).isEqualTo("RUNNING");
        }
    }

    @Test
    void failsLoudlyWhenTheApplicationCannotStartInTime() throws Exception {
        Properties unreachable = streams("127.0.0.1:1", "never");

        assertThatThrownBy(() -> StreamsRunner.start("never-app", passThrough("t"), unreachable, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never-app did not reach RUNNING within 2s");
    }
}
