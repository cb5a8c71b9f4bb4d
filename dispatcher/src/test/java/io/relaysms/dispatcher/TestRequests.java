package io.relaysms.dispatcher;

import io.relaysms.schemas.MessageEncoding;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes requests to sms-requests as the API would, keyed by the sending number. */
final class TestRequests implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Topic<String, SmsRequest> topic;
    private final List<Sent> sent = new ArrayList<>();

    private record Sent(ProducerRecord<byte[], byte[]> record, Future<RecordMetadata> ack) {
    }

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
        send(new ProducerRecord<>(topic.name(), bytes(request.getFrom()),
                topic.valueSerde().serializer().serialize(topic.name(), request)));
    }

    void sendRaw(String key, byte[] value) {
        send(new ProducerRecord<>(topic.name(), bytes(key), value));
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        sent.add(new Sent(record, producer.send(record)));
    }

    /**
     * Waits until every record is acknowledged, sending again what the broker refused. Right after a topic is
     * created its partitions may still be moving to their leader, and a refused record would otherwise be a test
     * request silently missing (a resent one at worst arrives twice, which the dispatcher must absorb anyway).
     */
    void flush() {
        for (int round = 0; round < 5 && !sent.isEmpty(); round++) {
            producer.flush();
            List<Sent> refused = new ArrayList<>();
            for (Sent s : sent) {
                try {
                    s.ack().get();
                } catch (ExecutionException e) {
                    refused.add(s);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            sent.clear();
            refused.forEach(s -> send(s.record()));
        }
        producer.flush();
        if (!sent.isEmpty()) {
            throw new IllegalStateException(sent.size() + " test requests were refused five times over");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
