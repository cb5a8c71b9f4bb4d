package io.relaysms.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaysms.deadletter.DeadLetterPublisher;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.kafka.testing.TopicReader;
import io.relaysms.schemas.SampleRecords;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.serde.AvroDecodingException;
import io.relaysms.serde.ShippedSchemaIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every topic's records through the serde and a real broker, an old-version record, and a poison record. */
class AvroTopicsIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private TopicCatalog catalog;

    @BeforeEach
    void provision() {
        catalog = TopicCatalog.create(new TopicSettings(kafka.uniquePrefix(), 2, (short) -1), Map.of());
        try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(catalog);
        }
    }

    @Test
    void everyTopicCarriesItsRecordsThroughTheBroker() throws Exception {
        List<Object> samples = List.of(SampleRecords.smsRequest(), SampleRecords.dispatchEvent(), SampleRecords.carrierReceipt(),
                SampleRecords.inboundPart(), SampleRecords.inbound(), SampleRecords.deliveryReport(),
                SampleRecords.optOutCommand(), SampleRecords.optOutState(), SampleRecords.usageAggregate(),
                SampleRecords.usageAggregate());
        List<Topic<?, ?>> topics = catalog.dataTopics().subList(0, samples.size());

        for (int i = 0; i < topics.size(); i++) {
            Object read = roundTrip(topics.get(i), samples.get(i));
            assertThat(read).as(topics.get(i).name()).isEqualTo(samples.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private <V> V roundTrip(Topic<?, ?> untyped, Object sample) throws Exception {
        Topic<String, V> topic = (Topic<String, V>) untyped;
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(kafka.clientProperties(Map.of("acks", "all")),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), "key", (V) sample)).get();
        }
        List<ConsumerRecord<String, V>> read = TopicReader.readAtLeast(kafka.bootstrapServers(), topic.name(),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer(), 1, Duration.ofSeconds(30));
        assertThat(read).hasSize(1);
        return read.get(0).value();
    }

    @Test
    void aConsumerReadsARequestThatAnOlderProducerWroteWithVersionOne() throws Exception {
        Schema v1 = ShippedSchemaIds.load().schemaFor(1);
        GenericRecord old = new GenericData.Record(v1);
        SmsRequest current = SampleRecords.smsRequest();
        for (Schema.Field field : v1.getFields()) {
            old.put(field.name(), GenericData.get().deepCopy(field.schema(), toGeneric(current, field)));
        }
        byte[] framed = io.relaysms.serde.FramedBytes.frame(1, v1, old);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(Map.of()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(catalog.smsRequests().name(), current.getFrom(), framed)).get();
        }

        List<ConsumerRecord<String, SmsRequest>> read = TopicReader.readAtLeast(kafka.bootstrapServers(),
                catalog.smsRequests().name(), new StringDeserializer(), catalog.smsRequests().valueSerde().deserializer(),
                1, Duration.ofSeconds(30));

        SmsRequest upgraded = read.get(0).value();
        assertThat(upgraded.getMessageId()).isEqualTo(current.getMessageId());
        assertThat(upgraded.getAcceptedAt()).isEqualTo(current.getAcceptedAt());
        assertThat(upgraded.getOrigin().name()).isEqualTo("API");
        assertThat(upgraded.getAutoReplyTo()).isNull();
    }

    private static Object toGeneric(SmsRequest record, Schema.Field field) {
        Object value = record.get(field.name());
        if (value instanceof java.time.Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof Enum<?> symbol) {
            Schema enumSchema = field.schema().getType() == Schema.Type.ENUM ? field.schema() : null;
            return new GenericData.EnumSymbol(enumSchema, symbol.name());
        }
        return value;
    }

    @Test
    void aPoisonRecordIsReportedWithTopicPartitionAndOffsetAndGoesToTheDeadLetterTopic() throws Exception {
        String topic = catalog.smsRequests().name();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(kafka.clientProperties(Map.of()),
                new StringSerializer(), new ByteArraySerializer());
             KafkaProducer<String, SmsRequest> good = new KafkaProducer<>(kafka.clientProperties(Map.of()),
                     new StringSerializer(), catalog.smsRequests().valueSerde().serializer())) {
            raw.send(new ProducerRecord<>(topic, 0, "+18005550100", "not avro".getBytes(StandardCharsets.UTF_8))).get();
            good.send(new ProducerRecord<>(topic, 0, "+18005550100", SampleRecords.smsRequest())).get();
        }

        List<RecordDeserializationException> failures = new ArrayList<>();
        List<SmsRequest> delivered = new ArrayList<>();
        try (KafkaConsumer<String, SmsRequest> consumer = new KafkaConsumer<>(
                kafka.clientProperties(TopicReader.readerSettings(kafka.bootstrapServers())),
                new StringDeserializer(), catalog.smsRequests().valueSerde().deserializer());
             KafkaProducer<byte[], byte[]> dlqProducer = new KafkaProducer<>(kafka.clientProperties(Map.of()),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
            DeadLetterPublisher deadLetters = new DeadLetterPublisher(dlqProducer);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(100)).forEach(r -> delivered.add(r.value()));
                } catch (RecordDeserializationException e) {
                    failures.add(e);
                    deadLetters.publish(e).get();
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                return !delivered.isEmpty();
            });
        }

        assertThat(failures).singleElement().satisfies(e -> {
            assertThat(e.topicPartition()).isEqualTo(new TopicPartition(topic, 0));
            assertThat(e.offset()).isZero();
            assertThat(e.getMessage()).contains(topic + "-0").contains("offset 0");
            assertThat(e.getCause()).isInstanceOf(AvroDecodingException.class).hasMessageContaining(topic);
        });
        assertThat(delivered).containsExactly(SampleRecords.smsRequest());
        List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readAtLeast(kafka.bootstrapServers(), topic + "-dlq",
                new ByteArrayDeserializer(), new ByteArrayDeserializer(), 1, Duration.ofSeconds(30));
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("+18005550100");
            assertThat(new String(r.headers().lastHeader(DeadLetterPublisher.OFFSET_HEADER).value())).isEqualTo("0");
            assertThat(new String(r.headers().lastHeader(DeadLetterPublisher.ERROR_MESSAGE_HEADER).value()))
                    .contains("not the magic byte 0");
        });
    }
}
