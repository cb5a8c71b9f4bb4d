package io.relaysms.tracker;

import io.relaysms.config.RelaySettings;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.kafka.testing.TopicReader;
import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicKeys;
import io.relaysms.topics.TopicSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the tracker's integration tests share: settings for a tracker on the shared broker under a prefix of its own,
 * a producer playing the dispatcher and the SMPP receiver, readers of the outputs, and an HTTP client.
 */
public final class TrackerHarness implements AutoCloseable {

    public static final int PARTITIONS = 2;

    private final SharedKafkaBroker kafka;
    private final String prefix;
    private final TopicCatalog topics;
    private final KafkaProducer<String, byte[]> producer;
    private final HttpClient http = HttpClient.newHttpClient();

    public TrackerHarness(SharedKafkaBroker kafka) {
        this.kafka = kafka;
        this.prefix = kafka.uniquePrefix();
        this.topics = TopicCatalog.create(new TopicSettings(prefix, PARTITIONS, (short) 1), Map.of());
        this.producer = new KafkaProducer<>(kafka.clientProperties(Map.of("acks", "all")), new StringSerializer(),
                new ByteArraySerializer());
    }

    public TopicCatalog topics() {
        return topics;
    }

    /** Settings of a tracker on this harness's topics, with a fresh state folder, plus the given ones. */
    public RelaySettings settings(Map<String, String> more) {
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        values.put("topics.prefix", prefix);
        values.put("topics.partitions", String.valueOf(PARTITIONS));
        values.put("topics.replication.factor", "1");
        values.put("tracker.http.port", "0");
        values.put("tracker.http.host", "127.0.0.1");
        values.put("tracker.http.advertised-host", "127.0.0.1");
        values.put("tracker.state-dir", freshStateDirectory().toString());
        values.put("tracker.punctuation-interval", "200ms");
        values.putAll(more);
        return RelaySettings.of(values);
    }

    public void send(DispatchEvent event) {
        send(topics.dispatchEvents().name(), event.getFrom(), topics.dispatchEvents().valueSerde().serializer()
                .serialize(topics.dispatchEvents().name(), event));
    }

    public void send(CarrierReceipt receipt) {
        send(topics.carrierReceipts().name(), TopicKeys.receipt(receipt.getCarrierId(), receipt.getCarrierMessageId()),
                topics.carrierReceipts().valueSerde().serializer().serialize(topics.carrierReceipts().name(), receipt));
    }

    public void send(InboundMessagePart part) {
        send(topics.inboundParts().name(), part.getTo(), topics.inboundParts().valueSerde().serializer()
                .serialize(topics.inboundParts().name(), part));
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot produce to " + topic, e.getCause());
        }
    }

    public List<ConsumerRecord<String, DeliveryReport>> reportsUntil(Predicate<List<ConsumerRecord<String, DeliveryReport>>> done,
                                                                     Duration timeout) {
        return TopicReader.readUntil(kafka.bootstrapServers(), topics.deliveryReports().name(), new StringDeserializer(),
                topics.deliveryReports().valueSerde().deserializer(), done, timeout);
    }

    public <V> List<ConsumerRecord<String, V>> read(String topic, org.apache.kafka.common.serialization.Deserializer<V> values,
                                                  Predicate<List<ConsumerRecord<String, V>>> done, Duration timeout) {
        return TopicReader.readUntil(kafka.bootstrapServers(), topic, new StringDeserializer(), values, done, timeout);
    }

    public HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path freshStateDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "streams-state")), "tracker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
