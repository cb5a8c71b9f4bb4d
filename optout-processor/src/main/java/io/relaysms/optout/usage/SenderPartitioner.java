package io.relaysms.optout.usage;

import io.relaysms.topics.TopicKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions {@code <sender>|<country>} keys by the sender alone (murmur2, as Kafka's default partitioner
 * hashes a key), so every country of one sending number lives in one task's window stores and a usage query
 * for a number asks one instance. Interactive queries locate a number with this same partitioner.
 */
public final class SenderPartitioner<V> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, Headers headers, int numPartitions) {
        return Optional.of(Set.of(partitionOf(key, numPartitions)));
    }

    /** Required by the interface (abstract but deprecated in Kafka 4.4); the variant with headers is the one called. */
    @Override
    @SuppressWarnings("removal")
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.of(Set.of(partitionOf(key, numPartitions)));
    }

    static int partitionOf(String key, int numPartitions) {
        int separator = key.indexOf(TopicKeys.SEPARATOR);
        String sender = separator < 0 ? key : key.substring(0, separator);
        return Utils.toPositive(Utils.murmur2(sender.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
