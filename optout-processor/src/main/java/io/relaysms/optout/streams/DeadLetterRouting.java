package io.relaysms.optout.streams;

import io.relaysms.deadletter.DeadLetterPublisher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be read or processed to its topic's dead-letter topic ({@code <topic>-dlq}, as
 * the topic catalogue names and creates them) with its original key and value bytes and the
 * {@code relay.dlq.*} headers that {@link DeadLetterPublisher} documents, and lets the application go on.
 * Kafka Streams produces the dead letter itself (KIP-1034), in the same transaction as the input offsets under
 * exactly-once, so a poison record is neither lost nor reprocessed.
 *
 * <p>A failure on one of this app's internal topics (repartition, changelog) is not a bad input but a bug or
 * corruption here: there the application fails loudly instead, as no dead-letter topic exists for them.
 */
public final class DeadLetterRouting implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRouting.class);

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (isInternal(record.topic())) {
            log.error("cannot read a record of internal topic {} at {}-{}", record.topic(), record.partition(), record.offset(), exception);
            return DeserializationExceptionHandler.Response.fail();
        }
        log.warn("unreadable record of {} at partition {} offset {} goes to {}{}: {}", record.topic(), record.partition(),
                record.offset(), record.topic(), DeadLetterPublisher.SUFFIX, exception.getMessage());
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(record.topic(), record.partition(),
                record.offset(), record.timestamp(), record.key(), record.value(), record.headers(), exception)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.topic() == null || isInternal(context.topic())) {
            log.error("processing failed at {} on internal input {}", context.processorNodeId(), context.topic(), exception);
            return ProcessingExceptionHandler.Response.fail();
        }
        log.warn("processing {} failed at {} (partition {} offset {}); the record goes to {}{}", context.topic(),
                context.processorNodeId(), context.partition(), context.offset(), context.topic(), DeadLetterPublisher.SUFFIX, exception);
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context.topic(), context.partition(),
                context.offset(), context.timestamp(), context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception)));
    }

    private static boolean isInternal(String topic) {
        return topic.endsWith("-repartition") || topic.endsWith("-changelog");
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(String topic, int partition, long offset, long timestamp,
                                                             byte[] key, byte[] value, Headers original, Exception error) {
        Headers headers = new RecordHeaders();
        if (original != null) {
            original.forEach(headers::add);
        }
        headers.add(DeadLetterPublisher.TOPIC_HEADER, utf8(topic));
        headers.add(DeadLetterPublisher.PARTITION_HEADER, utf8(String.valueOf(partition)));
        headers.add(DeadLetterPublisher.OFFSET_HEADER, utf8(String.valueOf(offset)));
        headers.add(DeadLetterPublisher.TIMESTAMP_HEADER, utf8(String.valueOf(timestamp)));
        headers.add(DeadLetterPublisher.ERROR_CLASS_HEADER, utf8(error.getClass().getName()));
        headers.add(DeadLetterPublisher.ERROR_MESSAGE_HEADER, utf8(String.valueOf(error.getMessage())));
        return new ProducerRecord<>(topic + DeadLetterPublisher.SUFFIX, null, key, value, headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
