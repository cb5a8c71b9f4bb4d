package io.relaysms.benchmarks.dispatch;

import io.relaysms.schemas.DispatchEvent;
import io.relaysms.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads committed dispatch events from the beginning until enough match or the deadline passes. */
final class EventsReader {

    private EventsReader() {
    }

    static List<DispatchEvent> read(String bootstrapServers, Topic<String, DispatchEvent> topic, Predicate<DispatchEvent> wanted,
                                    int expected, Duration timeout) {
        List<DispatchEvent> matching = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "bench-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "enable.auto.commit", "false",
                "isolation.level", "read_committed", "max.poll.records", "5000"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matching.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    DispatchEvent event = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
                    if (wanted.test(event)) {
                        matching.add(event);
                    }
                }
            }
        }
        return matching;
    }
}
