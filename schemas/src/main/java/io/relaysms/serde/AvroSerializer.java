package io.relaysms.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated or generic) in the Confluent wire format. Usable by class name in Kafka
 * configuration ({@code value.serializer=io.relaysms.serde.AvroSerializer}); the subject is
 * {@code <topic>-value} (or {@code -key}), as Confluent's default TopicNameStrategy names it.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private SchemaIds schemaIds;
    private boolean isKey;
    /**
     * The id and writer of the schema last written. Generated records all return their class's one schema instance,
     * so this spares looking the id up (which renders the schema as JSON) and building a writer for every record.
     * Writers hold no state between writes, so threads share them (as Confluent's serializer shares its cached ones).
     */
    private volatile KnownSchema last;

    private record KnownSchema(String topic, Schema schema, boolean specific, int id, DatumWriter<?> writer) {
    }

    public AvroSerializer() {
    }

    /** A serializer that is ready without {@link #configure}, for code that builds serdes itself. */
    public AvroSerializer(SchemaIds schemaIds) {
        this.schemaIds = schemaIds;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.schemaIds = SerdeSettings.schemaIds(configs);
        this.isKey = isKey;
        this.last = null;
    }

    private KnownSchema known(String topic, T record, Schema schema) {
        KnownSchema known = last;
        boolean specific = record instanceof SpecificRecord;
        if (known != null && known.schema() == schema && known.specific() == specific && known.topic().equals(topic)) {
            return known;
        }
        int id = schemaIds.idFor(topic + (isKey ? "-key" : "-value"), schema);
        known = new KnownSchema(topic, schema, specific, id, writerFor(record, schema));
        last = known;
        return known;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (schemaIds == null) {
            schemaIds = ShippedSchemaIds.load();
        }
        Schema schema = record.getSchema();
        KnownSchema known = known(topic, record, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ConfluentWireFormat.writeHeader(out, known.id());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            @SuppressWarnings("unchecked")
            DatumWriter<T> writer = (DatumWriter<T>) known.writer();
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write a " + schema.getFullName() + " to topic '" + topic + "': "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<T> writerFor(T record, Schema schema) {
        if (record instanceof SpecificRecord) {
            // The generated class's own model carries its logical-type conversions (Instant for timestamps).
            return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
        }
        return new GenericDatumWriter<>(schema);
    }
}
