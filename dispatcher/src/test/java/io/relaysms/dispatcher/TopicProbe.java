package io.relaysms.dispatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Follows a topic from its beginning for a whole test class (read_committed), so each test waits on the records
 * it expects without re-reading the topic.
 */
final class TopicProbe<V> implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<V> values;
    private final String topic;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    TopicProbe(String bootstrapServers, String topic, Deserializer<V> values) {
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "probe-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "enable.auto.commit", "false", "isolation.level", "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.values = values;
        this.topic = topic;
        consumer.subscribe(List.of(topic));
    }

    /** Everything read so far after one more poll; call from Awaitility conditions. */
    synchronized List<ConsumerRecord<String, V>> poll() {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
            String key = r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
            V value = r.value() == null ? null : values.deserialize(topic, r.value());
            seen.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                    r.serializedKeySize(), r.serializedValueSize(), key, value, r.headers(), r.leaderEpoch()));
        }
        return List.copyOf(seen);
    }

    List<V> values(Predicate<V> filter) {
        return poll().stream().map(ConsumerRecord::value).filter(v -> v != null && filter.test(v)).toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
