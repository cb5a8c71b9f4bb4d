package io.relaysms.dispatcher.optout;

import io.relaysms.deadletter.DeadLetterPublisher;
import io.relaysms.schemas.OptOutState;
import io.relaysms.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link OptOutTable} equal to the compacted {@code sms-optouts} topic: reads every partition from the
 * beginning (no consumer group: every worker holds the whole table), reports ready once it has read up to the
 * end offsets it found at start, then keeps following. A record it cannot decode goes to {@code sms-optouts-dlq}
 * and is skipped. Runs on its own thread, {@code optout-follower}.
 */
public final class OptOutFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OptOutFollower.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topic<String, OptOutState> topic;
    private final OptOutTable table;
    private final DeadLetterPublisher deadLetters;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    public OptOutFollower(Properties consumerProperties, Topic<String, OptOutState> topic, OptOutTable table,
                          DeadLetterPublisher deadLetters) {
        this.consumer = new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.table = table;
        this.deadLetters = deadLetters;
        this.thread = new Thread(this::follow, "optout-follower");
        thread.setDaemon(true);
    }

    public OptOutFollower start() {
        thread.start();
        return this;
    }

    /** Waits until the table holds everything that was on the topic at start; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isReady() {
        return ready.getCount() == 0;
    }

    public boolean isRunning() {
        return thread.isAlive() && failure == null;
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(60)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> startEnd = new HashMap<>(consumer.endOffsets(partitions));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                if (ready.getCount() > 0 && caughtUp(startEnd)) {
                    log.info("opt-out table loaded: {} opted-out pairs", table.size());
                    ready.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            log.error("the opt-out table stopped following {}", topic.name(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        String key = record.key() == null ? null : topic.keySerde().deserializer().deserialize(topic.name(), record.key());
        if (key == null) {
            return;
        }
        try {
            OptOutState state = record.value() == null ? null
                    : topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
            table.apply(key, state);
        } catch (RuntimeException e) {
            log.warn("unreadable opt-out record at {}-{}@{} sent to the dead-letter topic: {}", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            deadLetters.publish(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                    record.value(), record.headers(), e);
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> startEnd) {
        for (Map.Entry<TopicPartition, Long> end : startEnd.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
