package io.relaysms.tracker.streams;

import io.relaysms.deadletter.DeadLetterPublisher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be deserialized from one of the service's input topics to that topic's dead-letter
 * topic ({@code <topic>-dlq}, original key and value bytes, {@code relay.dlq.*} headers as {@link DeadLetterPublisher}
 * writes them), inside the Streams transaction, and goes on past it. A record of an internal topic that cannot be
 * read is a bug, not bad input: processing stops.
 *
 * <p>Configured with {@value #TOPICS_CONFIG}: the input topics that have a dead-letter topic.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    public static final String TOPICS_CONFIG = "relay.dead-letter.source-topics";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

    private Set<String> sourceTopics = Set.of();

    @Override
    public void configure(Map<String, ?> configs) {
        Object topics = configs.get(TOPICS_CONFIG);
        if (topics != null) {
            sourceTopics = Arrays.stream(String.valueOf(topics).split(",")).map(String::trim)
                    .filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (!sourceTopics.contains(record.topic())) {
            log.error("cannot read record {}-{}@{} of an internal topic", record.topic(), record.partition(), record.offset(), exception);
            return Response.fail();
        }
        log.warn("record {}-{}@{} cannot be read, sent to {}{}: {}", record.topic(), record.partition(), record.offset(),
                record.topic(), DeadLetterPublisher.SUFFIX, exception.getMessage());
        Headers headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        Throwable cause = exception.getCause() == null ? exception : exception.getCause();
        headers.add(DeadLetterPublisher.TOPIC_HEADER, utf8(record.topic()));
        headers.add(DeadLetterPublisher.PARTITION_HEADER, utf8(String.valueOf(record.partition())));
        headers.add(DeadLetterPublisher.OFFSET_HEADER, utf8(String.valueOf(record.offset())));
        headers.add(DeadLetterPublisher.TIMESTAMP_HEADER, utf8(String.valueOf(record.timestamp())));
        headers.add(DeadLetterPublisher.ERROR_CLASS_HEADER, utf8(cause.getClass().getName()));
        headers.add(DeadLetterPublisher.ERROR_MESSAGE_HEADER, utf8(String.valueOf(cause.getMessage())));
        return Response.resume(List.of(new ProducerRecord<>(record.topic() + DeadLetterPublisher.SUFFIX, null,
                record.key(), record.value(), headers)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
