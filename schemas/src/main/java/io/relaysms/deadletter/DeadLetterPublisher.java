package io.relaysms.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Routes a record that cannot be read to its topic's dead-letter topic ({@code <topic>-dlq}), with its
 * original key and value bytes and headers that say where it came from and why it failed, so nothing is
 * dropped silently and a consumer can go on past it.
 *
 * <p>Headers: {@code relay.dlq.topic}, {@code relay.dlq.partition}, {@code relay.dlq.offset},
 * {@code relay.dlq.timestamp}, {@code relay.dlq.error.class}, {@code relay.dlq.error.message}, plus the
 * record's own headers.
 */
public final class DeadLetterPublisher {

    public static final String SUFFIX = "-dlq";
    public static final String TOPIC_HEADER = "relay.dlq.topic";
    public static final String PARTITION_HEADER = "relay.dlq.partition";
    public static final String OFFSET_HEADER = "relay.dlq.offset";
    public static final String TIMESTAMP_HEADER = "relay.dlq.timestamp";
    public static final String ERROR_CLASS_HEADER = "relay.dlq.error.class";
    public static final String ERROR_MESSAGE_HEADER = "relay.dlq.error.message";

    private final Producer<byte[], byte[]> producer;

    public DeadLetterPublisher(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** Publishes the unreadable record the consumer reported; the caller then seeks past its offset. */
    public Future<RecordMetadata> publish(RecordDeserializationException failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        return publish(failure.topicPartition().topic(), failure.topicPartition().partition(), failure.offset(),
                failure.timestamp(), bytes(failure.keyBuffer()), bytes(failure.valueBuffer()), failure.headers(), cause);
    }

    /** Publishes any record that its consumer could not process, with the reason. */
    public Future<RecordMetadata> publish(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                                          Headers originalHeaders, Throwable error) {
        Headers headers = new RecordHeaders();
        if (originalHeaders != null) {
            originalHeaders.forEach(headers::add);
        }
        headers.add(TOPIC_HEADER, utf8(topic));
        headers.add(PARTITION_HEADER, utf8(String.valueOf(partition)));
        headers.add(OFFSET_HEADER, utf8(String.valueOf(offset)));
        headers.add(TIMESTAMP_HEADER, utf8(String.valueOf(timestamp)));
        headers.add(ERROR_CLASS_HEADER, utf8(error.getClass().getName()));
        headers.add(ERROR_MESSAGE_HEADER, utf8(String.valueOf(error.getMessage())));
        return producer.send(new ProducerRecord<>(topic + SUFFIX, null, key, value, headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
