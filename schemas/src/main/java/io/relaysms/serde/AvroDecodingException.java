package io.relaysms.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A value that cannot be read: not in the Confluent wire format, an unknown schema id, or Avro bytes that do
 * not match their schema. It names the topic and the schema id; the Kafka consumer wraps it in a
 * {@code RecordDeserializationException} that adds the partition and offset and keeps the raw bytes, which is
 * what a dead-letter route needs (see {@link io.relaysms.deadletter.DeadLetterPublisher}).
 */
public class AvroDecodingException extends SerializationException {

    private final String topic;
    private final Integer schemaId;

    public AvroDecodingException(String topic, Integer schemaId, String reason, Throwable cause) {
        super("cannot decode a record of topic '" + topic + "'"
                + (schemaId == null ? "" : " written with schema id " + schemaId) + ": " + reason, cause);
        this.topic = topic;
        this.schemaId = schemaId;
    }

    public String topic() {
        return topic;
    }

    /** The schema id the bytes name, or null when they are not framed at all. */
    public Integer schemaId() {
        return schemaId;
    }
}
