package io.relaysms.platform;

import io.relaysms.kafka.testing.TopicReader;
import io.relaysms.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows one topic from its beginning as a read_committed consumer with the topic's own Avro serde, keeping every
 * value it has seen, so that a test waits on what it expects (Awaitility) without re-reading the topic. It survives a
 * broker restart: the consumer reconnects by itself.
 */
final class TopicTail<V> implements AutoCloseable {

    private static final int MAX_POLLS_PER_READ = 100;

    private final KafkaConsumer<String, V> consumer;
    private final List<V> seen = new ArrayList<>();

    TopicTail(String bootstrapServers, Topic<String, V> topic) {
        this.consumer = new KafkaConsumer<>(TopicReader.readerSettings(bootstrapServers), new StringDeserializer(),
                topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
    }

    /**
     * Everything committed so far: polls until the consumer reached the end of every partition it was given (a single
     * poll returns at most max.poll.records, which would hide a late duplicate). Call it from Awaitility conditions.
     */
    synchronized List<V> values() {
        poll();
        for (int polls = 0; polls < MAX_POLLS_PER_READ && behind(); polls++) {
            poll();
        }
        return List.copyOf(seen);
    }

    private void poll() {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.value() != null) {
                seen.add(record.value());
            }
        }
    }

    /** Whether some partition has committed records (up to its last stable offset) not read yet. */
    private boolean behind() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return consumer.assignment().isEmpty() || ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue());
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
