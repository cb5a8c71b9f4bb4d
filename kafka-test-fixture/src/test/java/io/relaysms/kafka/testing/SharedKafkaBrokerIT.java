package io.relaysms.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.kafka.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedKafkaBrokerIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    @Test
    void givesEveryTestTheSameRunningBroker(EmbeddedKafkaBroker injected) {
        assertThat(injected).isSameAs(kafka.broker());
        assertThat(injected.isRunning()).isTrue();
    }

    @Test
    void producesAndReadsBackOnAUniqueTopic() throws Exception {
        String topic = kafka.uniquePrefix() + "roundtrip";
        try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.clientProperties(Map.of("acks", "all")),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "a", "1")).get();
            producer.send(new ProducerRecord<>(topic, "b", "2")).get();
        }

        var records = TopicReader.readAtLeast(kafka.bootstrapServers(), topic, new StringDeserializer(),
                new StringDeserializer(), 2, Duration.ofSeconds(30));

        assertThat(records).extracting(r -> r.value()).containsExactlyInAnyOrder("1", "2");
    }
}
