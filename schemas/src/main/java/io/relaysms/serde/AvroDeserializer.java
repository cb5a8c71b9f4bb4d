package io.relaysms.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro. The writer's schema comes from the id in the frame; the reader's schema is
 * the generated class (given, or found by the writer schema's full name), so a record written with an older
 * schema version is resolved into the current class: new fields take their defaults. Without a generated
 * class, or with {@code specific.avro.reader=false}, values are {@code GenericRecord}s in the writer's schema.
 *
 * <p>Anything unreadable throws {@link AvroDecodingException}; Kafka's consumer wraps it with partition,
 * offset and the raw bytes.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final Class<T> targetType;
    private SchemaIds schemaIds;
    private boolean specific = true;
    private final Map<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();

    /** For use by class name in Kafka configuration. */
    public AvroDeserializer() {
        this.targetType = null;
    }

    /** Reads into the given generated class. */
    public AvroDeserializer(Class<T> targetType, SchemaIds schemaIds) {
        this.targetType = targetType;
        this.schemaIds = schemaIds;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.schemaIds = SerdeSettings.schemaIds(configs);
        this.specific = SerdeSettings.specificReader(configs);
        readersByWriterId.clear();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (schemaIds == null) {
            schemaIds = ShippedSchemaIds.load();
        }
        int id = ConfluentWireFormat.readSchemaId(topic, data);
        DatumReader<T> reader;
        try {
            reader = readersByWriterId.computeIfAbsent(id, this::readerFor);
        } catch (SchemaIds.UnknownSchemaIdException e) {
            throw new AvroDecodingException(topic, id, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AvroDecodingException(topic, id, "cannot resolve the schema: " + e.getMessage(), e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_LENGTH,
                    data.length - ConfluentWireFormat.HEADER_LENGTH, null);
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException((data.length - ConfluentWireFormat.HEADER_LENGTH) + "-byte payload has bytes left after the record");
            }
            return value;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new AvroDecodingException(topic, id, "the bytes do not match the schema: " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> readerFor(int writerId) {
        Schema writer = schemaIds.schemaFor(writerId);
        if (targetType != null) {
            SpecificData model = SpecificData.getForClass(targetType);
            return new SpecificDatumReader<>(writer, model.getSchema(targetType), model);
        }
        if (specific) {
            Class<?> generated = SpecificData.get().getClass(writer);
            if (generated != null && generated != Object.class) {
                SpecificData model = SpecificData.getForClass(generated);
                return (DatumReader<T>) new SpecificDatumReader<>(writer, model.getSchema(generated), model);
            }
        }
        return (DatumReader<T>) new GenericDatumReader<>(writer);
    }
}
