package io.relaysms.dispatcher.dispatch;

import io.relaysms.deadletter.DeadLetterPublisher;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.topics.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Writes what the dispatch loop decided in Kafka transactions (consume-process-produce): the dispatch events
 * and dead letters gathered since the last commit, and the consumer group's offsets, atomically. An event is
 * therefore never visible without its offset commit or the reverse. A transaction that fails for a reason that
 * allows it is aborted and the same batch is written again in the next one; a fenced producer (another worker
 * owns the partitions now) is fatal for this incarnation of the loop.
 */
final class EventTransactions {

    /** What a successful commit wrote: events' end offsets per partition. */
    record Written(Map<Integer, Long> eventsEndByPartition, int events) {
    }

    /** The producer cannot go on (fenced, unauthorised); the loop must start again with new clients. */
    static final class FatalTransactionException extends RuntimeException {
        FatalTransactionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record DeadLetter(ConsumerRecord<byte[], byte[]> record, Throwable error) {
    }

    /** What one transaction carries besides the offsets: events and dead letters, in the order decided. */
    static final class Batch {
        private final List<DispatchEvent> events = new ArrayList<>();
        private final List<DeadLetter> deadLetters = new ArrayList<>();

        int size() {
            return events.size() + deadLetters.size();
        }
    }

    private final Producer<byte[], byte[]> producer;
    private final Topic<String, DispatchEvent> events;
    private final DeadLetterPublisher deadLetters;

    EventTransactions(Producer<byte[], byte[]> producer, Topic<String, DispatchEvent> events) {
        this.producer = producer;
        this.events = events;
        this.deadLetters = new DeadLetterPublisher(producer);
    }

    void initialise() {
        producer.initTransactions();
    }

    /** Adds an event to a batch; it is serialized by the thread that commits, off the dispatch loop. */
    void add(Batch batch, DispatchEvent event) {
        batch.events.add(event);
    }

    /** The event's record, to the partition its request came from (co-partitioning). */
    private ProducerRecord<byte[], byte[]> record(DispatchEvent event) {
        byte[] key = events.keySerde().serializer().serialize(events.name(), event.getFrom());
        byte[] value = events.valueSerde().serializer().serialize(events.name(), event);
        return new ProducerRecord<>(events.name(), event.getSourcePartition(), key, value);
    }

    void addDeadLetter(Batch batch, ConsumerRecord<byte[], byte[]> record, Throwable error) {
        batch.deadLetters.add(new DeadLetter(record, error));
    }

    /**
     * Commits a batch and the offsets in one transaction. Answers null when the transaction was aborted; the
     * caller may try the same batch again.
     */
    Written commit(Batch batch, Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.events.size());
        try {
            producer.beginTransaction();
            for (DispatchEvent event : batch.events) {
                sent.add(producer.send(record(event)));
            }
            for (DeadLetter letter : batch.deadLetters) {
                ConsumerRecord<byte[], byte[]> r = letter.record();
                deadLetters.publish(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value(), r.headers(),
                        letter.error());
            }
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, group);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                 | AuthorizationException | UnsupportedVersionException e) {
            throw new FatalTransactionException("the dispatch event producer cannot go on: " + e.getMessage(), e);
        } catch (KafkaException e) {
            abort(e);
            return null;
        }
        Map<Integer, Long> ends = new HashMap<>();
        for (Future<RecordMetadata> future : sent) {
            try {
                RecordMetadata md = future.get();
                ends.merge(md.partition(), md.offset() + 1, Math::max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // committed means every send succeeded; nothing to learn from a failure here
            }
        }
        return new Written(ends, batch.events.size());
    }

    private void abort(KafkaException cause) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            throw new FatalTransactionException("cannot abort a failed transaction: " + e.getMessage(), cause);
        }
    }
}
