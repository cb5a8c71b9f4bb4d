package io.relaysms.platform;

import io.relaysms.kafka.testing.TopicReader;
import io.relaysms.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows one topic from its beginning as a read_committed consumer with the topic's own Avro serde, keeping every
 * value it has seen, so that a test waits on what it expects (Awaitility) without re-reading the topic. It survives a
 * broker restart: the consumer reconnects by itself.
 */
final class TopicTail<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<V> seen = new ArrayList<>();

    TopicTail(String bootstrapServers, Topic<String, V> topic) {
        this.consumer = new KafkaConsumer<>(TopicReader.readerSettings(bootstrapServers), new StringDeserializer(),
                topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
    }

    /** Everything read so far, after one more poll; call it from Awaitility conditions. */
    synchronized List<V> values() {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.value() != null) {
                seen.add(record.value());
            }
        }
        return List.copyOf(seen);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
