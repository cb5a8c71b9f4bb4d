package io.relaysms.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serializer and deserializer of one generated record type, for Kafka Streams and typed clients. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    private AvroSerde(Class<T> type, SchemaIds schemaIds) {
        this.serializer = new AvroSerializer<>(schemaIds);
        this.deserializer = new AvroDeserializer<>(type, schemaIds);
    }

    /** A serde whose ids come from the given serde settings (registry URL or none); see {@link SerdeSettings}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, Map<String, ?> serdeSettings) {
        return new AvroSerde<>(type, SerdeSettings.schemaIds(serdeSettings));
    }

    /** A serde sharing an already built id source (one registry cache for many topics). */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaIds schemaIds) {
        return new AvroSerde<>(type, schemaIds);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
