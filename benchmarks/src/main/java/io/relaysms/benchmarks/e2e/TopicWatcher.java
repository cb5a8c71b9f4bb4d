package io.relaysms.benchmarks.e2e;

import io.relaysms.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one topic from its beginning as a downstream consumer would (read_committed, every partition assigned, no
 * group), handing each value and the wall-clock millisecond it was read at to a handler on its own thread.
 */
final class TopicWatcher<V> implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<V> values;
    private final String topic;
    private final BiConsumer<V, Long> handler;
    private final Thread thread;
    private volatile boolean running = true;

    TopicWatcher(String bootstrapServers, Topic<String, V> topic, BiConsumer<V, Long> handler) {
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed",
                "enable.auto.commit", "false", "max.poll.records", "5000", "client.id", "e2e-watcher-" + topic.name()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.values = topic.valueSerde().deserializer();
        this.topic = topic.name();
        this.handler = handler;
        List<TopicPartition> partitions = consumer.partitionsFor(this.topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "e2e-watcher-" + topic.name());
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long readAt = System.currentTimeMillis();
                    handler.accept(values.deserialize(topic, record.value()), readAt);
                }
            }
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
