package io.relaysms.runtime;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde over Jackson for a service's private records (its state stores and repartition topics), in whatever format
 * the subclass writes: null passes through both ways (tombstones), and a record that cannot be written or read fails
 * with a {@link SerializationException} naming the type and the topic, which Kafka Streams' handlers act on.
 */
public abstract class JacksonSerde<T> implements Serde<T> {

    private final Class<T> type;

    protected JacksonSerde(Class<T> type) {
        this.type = type;
    }

    protected final Class<T> type() {
        return type;
    }

    protected abstract byte[] write(T value) throws IOException;

    protected abstract T read(byte[] bytes) throws IOException;

    @Override
    public final Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return write(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write a " + type.getSimpleName() + " to " + topic, e);
            }
        };
    }

    @Override
    public final Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return read(bytes);
            } catch (IOException e) {
                throw new SerializationException("cannot read a " + type.getSimpleName() + " from " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
