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
     * The id of the schema last written. Generated records all return their class's one schema instance, so this
     * spares looking the id up (which renders the schema as JSON) for every record.
     */
    private volatile KnownId lastId;
    /**
     * The writer of the schema last written, reused: building one per record looks the schema's model and conversions
     * up again every time. Datum writers keep no state between records, so threads may share one.
     */
    private volatile KnownWriter<T> lastWriter;

    private record KnownId(String topic, Schema schema, int id) {
    }

    private record KnownWriter<T>(Schema schema, boolean specific, DatumWriter<T> writer) {
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
        this.lastId = null;
    }

    private int idFor(String topic, Schema schema) {
        KnownId known = lastId;
        if (known != null && known.schema() == schema && known.topic().equals(topic)) {
            return known.id();
        }
        int id = schemaIds.idFor(topic + (isKey ? "-key" : "-value"), schema);
        lastId = new KnownId(topic, schema, id);
        return id;
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
        int id = idFor(topic, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ConfluentWireFormat.writeHeader(out, id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(record, schema).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write a " + schema.getFullName() + " to topic '" + topic + "': "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private DatumWriter<T> writerFor(T record, Schema schema) {
        boolean specific = record instanceof SpecificRecord;
        KnownWriter<T> known = lastWriter;
        if (known != null && known.schema() == schema && known.specific() == specific) {
            return known.writer();
        }
        DatumWriter<T> writer = newWriter(specific, schema);
        lastWriter = new KnownWriter<>(schema, specific, writer);
        return writer;
    }

    private DatumWriter<T> newWriter(boolean specific, Schema schema) {
        if (specific) {
            // The generated class's own model carries its logical-type conversions (Instant for timestamps).
            return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
        }
        return new GenericDatumWriter<>(schema);
    }
}
