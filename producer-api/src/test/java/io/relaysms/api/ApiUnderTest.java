package io.relaysms.api;

import io.relaysms.config.RelaySettings;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.serde.AvroSerde;
import io.relaysms.serde.ShippedSchemaIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A producer API started for a test against a given broker, with its own topic prefix, owned numbers, keys and data
 * folder, and an {@link AcsSignedClient} that trusts its generated certificate. Test code only.
 */
final class ApiUnderTest implements AutoCloseable {

    static final String TOLL_FREE = "+18005550100";
    static final String SHORT_CODE = "12345";
    static final String ALPHANUMERIC = "RELAY";
    static final String PRIMARY_KEY = "cHJpbWFyeS1rZXktZm9yLXRlc3RzLTAxMjM0NTY3ODk=";
    static final String SECONDARY_KEY = "c2Vjb25kYXJ5LWtleS1mb3ItdGVzdHMtMDEyMzQ1Njc=";

    final Map<String, String> settings;
    final ProducerApiService service;
    final AcsSignedClient client;

    private ApiUnderTest(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
        this.service = ProducerApiService.start(RelaySettings.of(settings));
        this.client = new AcsSignedClient(service.connectionString(), service.certificatePath().orElseThrow());
    }

    /** Settings for an API on ephemeral ports whose topics start with {@code prefix}. */
    static Map<String, String> settings(String bootstrapServers, String prefix, Path dataDirectory) {
        Map<String, String> s = new HashMap<>();
        s.put("kafka.bootstrap.servers", bootstrapServers);
        s.put("topics.prefix", prefix);
        s.put("topics.partitions", "2");
        s.put("carriers.sim.protocol", "smpp");
        s.put("carriers.sim.host", "127.0.0.1");
        s.put("numbers." + TOLL_FREE + ".type", "toll-free");
        s.put("numbers." + TOLL_FREE + ".route", "sim");
        s.put("numbers." + SHORT_CODE + ".type", "short-code");
        s.put("numbers." + SHORT_CODE + ".route", "sim");
        s.put("numbers." + ALPHANUMERIC + ".type", "alphanumeric");
        s.put("numbers." + ALPHANUMERIC + ".route", "sim");
        s.put("api.https.port", "0");
        s.put("api.access-key.primary", PRIMARY_KEY);
        s.put("api.access-key.secondary", SECONDARY_KEY);
        s.put("api.data-dir", dataDirectory.toString());
        s.put("api.instance-id", prefix + "api");
        s.put("api.startup.timeout", "30s");
        return s;
    }

    static ApiUnderTest start(Map<String, String> settings) {
        return new ApiUnderTest(settings);
    }

    String bootstrapServers() {
        return settings.get("kafka.bootstrap.servers");
    }

    String topic(String base) {
        return settings.get("topics.prefix") + base;
    }

    /** Committed sms-requests records, read from the start until {@code done} holds or 15 s pass. */
    List<SmsRequest> requestsUntil(Predicate<List<SmsRequest>> done) {
        return values(requestRecordsUntil(records -> done.test(values(records))));
    }

    /**
     * Committed records from the start of every partition until {@code done} holds or 15 s pass. Partitions are
     * assigned rather than subscribed, so no group has to form first.
     */
    List<ConsumerRecord<String, SmsRequest>> requestRecordsUntil(Predicate<List<ConsumerRecord<String, SmsRequest>>> done) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        p.put("fetch.max.wait.ms", "20");
        List<ConsumerRecord<String, SmsRequest>> seen = new ArrayList<>();
        try (KafkaConsumer<String, SmsRequest> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                AvroSerde.of(SmsRequest.class, ShippedSchemaIds.load()).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic("sms-requests")).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!done.test(seen) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(50)).forEach(seen::add);
            }
        }
        return seen;
    }

    /**
     * The records written up to and including the message {@code markerMessageId}: used to show that a refused request
     * produced nothing, by sending a good request afterwards from the same sender (same partition) as a marker.
     */
    List<SmsRequest> requestsThrough(String markerMessageId) {
        List<SmsRequest> read = requestsUntil(records -> records.stream().anyMatch(r -> r.getMessageId().equals(markerMessageId)));
        if (read.stream().noneMatch(r -> r.getMessageId().equals(markerMessageId))) {
            throw new AssertionError("the marker message " + markerMessageId + " never arrived");
        }
        return read;
    }

    private static List<SmsRequest> values(List<ConsumerRecord<String, SmsRequest>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        service.close();
    }
}
