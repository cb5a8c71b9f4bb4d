package io.relaysms.optout;

import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.kafka.testing.TopicReader;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The opt-out processor service on the shared broker, with its own topic prefix and state folder, plus what
 * tests need around it: typed producers, a topic reader and a real HTTP client.
 */
public final class ProcessorHarness implements AutoCloseable {

    public static final int PARTITIONS = 2;

    private final SharedKafkaBroker kafka;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> settings = new HashMap<>();
    public final String prefix;
    public final TopicCatalog topics;
    private OptOutProcessorService service;

    public ProcessorHarness(SharedKafkaBroker kafka, Path stateDir) {
        this(kafka, stateDir, kafka.uniquePrefix());
    }

    /** An instance sharing its topics and application with others of the same prefix. */
    public ProcessorHarness(SharedKafkaBroker kafka, Path stateDir, String prefix) {
        this.kafka = kafka;
        this.prefix = prefix;
        this.topics = TopicCatalog.create(new TopicSettings(prefix, PARTITIONS, (short) -1), Map.of());
        settings.putAll(TestSettings.numbers());
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("topics.prefix", prefix);
        settings.put("topics.partitions", String.valueOf(PARTITIONS));
        settings.put("optout.http.host", "127.0.0.1");
        settings.put("optout.http.port", "0");
        settings.put("optout.http.advertised-host", "127.0.0.1");
        settings.put("optout.streams.state.dir", stateDir.toString());
        settings.put("optout.startup.timeout.ms", "90000");
    }

    public ProcessorHarness with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    public OptOutProcessorService start() {
        service = OptOutProcessorService.start(TestSettings.with(settings));
        return service;
    }

    public void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    /** Produces one record (acks=all) with the given record timestamp, and waits for it. */
    public <V> void send(Topic<String, V> topic, String key, V value, Instant timestamp) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(kafka.clientProperties(Map.of("acks", "all")),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), null, timestamp.toEpochMilli(), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot produce to " + topic.name(), e);
        }
    }

    public void sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(Map.of()),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    public <V> List<ConsumerRecord<String, V>> readUntil(Topic<String, V> topic, Predicate<List<ConsumerRecord<String, V>>> done) {
        return TopicReader.readUntil(kafka.bootstrapServers(), topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer(), done, Duration.ofSeconds(60));
    }

    public HttpResponse<String> get(String path) {
        return get(URI.create("http://127.0.0.1:" + service.httpPort() + path));
    }

    /** A GET that does not follow redirects, so tests see them. */
    public HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
