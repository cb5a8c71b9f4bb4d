package io.relaysms.optout.streams;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.runtime.JacksonSerde;
import java.io.IOException;

/**
 * JSON for this app's internal records (repartition topics and store changelogs), which no other service
 * reads. JSON rather than Avro because these types are private: no schema id to register, and a field added
 * later reads from older bytes with its default (unknown fields are ignored, missing ones are null or zero).
 */
public final class JsonSerde<T> extends JacksonSerde<T> {

    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JsonSerde(Class<T> type) {
        super(type);
    }

    @Override
    protected byte[] write(T value) throws IOException {
        return mapper.writeValueAsBytes(value);
    }

    @Override
    protected T read(byte[] bytes) throws IOException {
        return mapper.readValue(bytes, type());
    }
}
