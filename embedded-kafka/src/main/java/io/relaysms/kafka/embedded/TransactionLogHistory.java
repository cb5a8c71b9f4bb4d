package io.relaysms.kafka.embedded;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.coordinator.transaction.TransactionLog;
import org.apache.kafka.coordinator.transaction.TransactionMetadata;
import org.apache.kafka.coordinator.transaction.TransactionState;

/**
 * The state changes transaction coordinators wrote to {@code __transaction_state}, read back in order. Its records are
 * the coordinators' own memory (Kafka reloads them on restart); the decisions in them tell how a transaction ended after
 * the coordinator has moved on to the producer's next ones.
 */
final class TransactionLogHistory {

    static final String TOPIC = "__transaction_state";

    /**
     * One state change of one transactional id.
     *
     * @param transactionVersion the client's transaction protocol: 2 bumps the epoch at every decision, 0 and 1 do not
     */
    record Entry(String transactionalId, long producerId, short producerEpoch, TransactionState state, Set<TopicPartition> partitions,
                 short transactionVersion) {
    }

    private TransactionLogHistory() {
    }

    /**
     * The state changes logged so far of the transactional ids that used any of these producer ids (from their first use
     * on, whatever producer id they moved to later), oldest first within each transactional id.
     */
    static List<Entry> read(String bootstrapServers, Duration timeout, Set<Long> producerIds) {
        List<Entry> entries = new ArrayList<>();
        Set<String> transactionalIds = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "relay-transaction-repair",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.EXCLUDE_INTERNAL_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, timeout).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, timeout) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + TOPIC + " took longer than " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && TransactionLog.read(ByteBuffer.wrap(record.key()), ByteBuffer.wrap(record.value()))
                            instanceof TransactionLog.TxnRecord transaction) {
                        TransactionMetadata metadata = transaction.metadata();
                        if (producerIds.contains(metadata.producerId())) {
                            transactionalIds.add(transaction.transactionId());
                        }
                        if (transactionalIds.contains(transaction.transactionId())) {
                            entries.add(new Entry(transaction.transactionId(), metadata.producerId(), metadata.producerEpoch(),
                                    metadata.state(), Set.copyOf(metadata.topicPartitions()), metadata.clientTransactionVersion().featureLevel()));
                        }
                    }
                }
            }
        }
        return entries;
    }
}
