package io.relaysms.kafka.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from the beginning until a condition holds or a deadline passes, for assertions in
 * integration tests. Reads committed records only, so transactional writers are seen as consumers see them.
 */
public final class TopicReader {

    private TopicReader() {
    }

    public static <K, V> List<ConsumerRecord<K, V>> readUntil(String bootstrapServers, String topic,
                                                              Deserializer<K> keys, Deserializer<V> values,
                                                              Predicate<List<ConsumerRecord<K, V>>> done,
                                                              Duration timeout) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "test-reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        p.put("isolation.level", "read_committed");
        List<ConsumerRecord<K, V>> seen = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(p, keys, values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(seen) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
        }
        return seen;
    }

    /** Reads until at least {@code count} records arrived or the timeout passed; returns what was read. */
    public static <K, V> List<ConsumerRecord<K, V>> readAtLeast(String bootstrapServers, String topic,
                                                                Deserializer<K> keys, Deserializer<V> values,
                                                                int count, Duration timeout) {
        return readUntil(bootstrapServers, topic, keys, values, seen -> seen.size() >= count, timeout);
    }

    /** Consumer settings for a test reader, for tests that need their own loop. */
    public static Map<String, Object> readerSettings(String bootstrapServers) {
        return Map.of("bootstrap.servers", bootstrapServers, "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false", "isolation.level", "read_committed");
    }
}
