package io.relaysms.dispatcher;

import io.relaysms.schemas.MessageEncoding;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes requests to sms-requests as the API would, keyed by the sending number. */
final class TestRequests implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Topic<String, SmsRequest> topic;

    TestRequests(String bootstrapServers, Topic<String, SmsRequest> topic) {
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "linger.ms", "5"),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    static SmsRequest.Builder request(String from, String to, String text) {
        Instant now = Instant.now();
        return SmsRequest.newBuilder()
                .setMessageId("Outgoing_" + UUID.randomUUID())
                .setFrom(from)
                .setTo(to)
                .setMessage(text)
                .setSegmentCount(1)
                .setEncoding(MessageEncoding.GSM7)
                .setEnableDeliveryReport(true)
                .setTag("test")
                .setAcceptedAt(now)
                .setValidUntil(now.plus(Duration.ofMinutes(10)))
                .setOrigin(RequestOrigin.API);
    }

    void send(SmsRequest request) {
        producer.send(new ProducerRecord<>(topic.name(), bytes(request.getFrom()),
                topic.valueSerde().serializer().serialize(topic.name(), request)));
    }

    void sendRaw(String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic.name(), bytes(key), value));
    }

    void flush() {
        producer.flush();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
