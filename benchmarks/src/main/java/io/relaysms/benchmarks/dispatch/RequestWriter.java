package io.relaysms.benchmarks.dispatch;

import io.relaysms.schemas.MessageEncoding;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes SmsRequests as fast as Kafka takes them; each text is its messageId so the carrier's record names it. */
final class RequestWriter implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Topic<String, SmsRequest> topic;
    private long sequence;

    RequestWriter(String bootstrapServers, Topic<String, SmsRequest> topic) {
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "linger.ms", "5",
                "batch.size", "262144", "acks", "all", "compression.type", "lz4"),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    void send(String from, String to) {
        Instant now = Instant.now();
        String id = "bench-" + (sequence++) + "-" + System.nanoTime();
        SmsRequest request = SmsRequest.newBuilder().setMessageId(id).setFrom(from).setTo(to).setMessage(id)
                .setSegmentCount(1).setEncoding(MessageEncoding.GSM7).setEnableDeliveryReport(false)
                .setAcceptedAt(now).setValidUntil(now.plus(Duration.ofHours(1))).setOrigin(RequestOrigin.KAFKA).build();
        producer.send(new ProducerRecord<>(topic.name(), from.getBytes(StandardCharsets.UTF_8),
                topic.valueSerde().serializer().serialize(topic.name(), request)));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
