package io.relaysms.benchmarks.tracker;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One plain Kafka hop on the same broker, in the same run: records produced at the same rate (acks=all) and consumed,
 * timed from send to poll. The pipeline's figures are read against this: the tracker needs three such hops plus a
 * transaction commit on each.
 */
final class RawKafkaBaseline {

    private RawKafkaBaseline() {
    }

    static String measure(String bootstrapServers, int records, int rate) throws Exception {
        String topic = "baseline-" + UUID.randomUUID();
        Properties common = new Properties();
        common.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties consumerProps = new Properties();
        consumerProps.putAll(common);
        consumerProps.put("group.id", topic);
        consumerProps.put("auto.offset.reset", "earliest");
        Properties producerProps = new Properties();
        producerProps.putAll(common);
        producerProps.put("acks", "all");
        producerProps.put("linger.ms", "0");
        Latencies latencies = new Latencies(records);
        try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new LongDeserializer());
             KafkaProducer<String, Long> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new LongSerializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(50));
            }
            long start = System.nanoTime();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            int sent = 0;
            while (latencies.count() < records) {
                while (sent < records && System.nanoTime() - start >= sent * interval) {
                    producer.send(new ProducerRecord<>(topic, "k", System.nanoTime()));
                    sent++;
                }
                for (ConsumerRecord<String, Long> record : consumer.poll(Duration.ofMillis(1))) {
                    latencies.add(System.nanoTime() - record.value());
                }
                LockSupport.parkNanos(100_000);
            }
        }
        return latencies.summary();
    }
}
