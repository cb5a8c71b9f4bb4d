package io.relaysms.topics;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the catalogue: its full name (prefix included), how its keys and values are serialized, and
 * how it is created. Code never spells a topic name or picks a serde on its own; it asks the catalogue.
 *
 * @param name         full topic name, prefix included
 * @param keySerde     how keys are written (UTF-8 strings throughout Relay, so any client can produce them)
 * @param valueSerde   how values are written
 * @param keyMeaning   what the key is, for documentation and error messages
 * @param partitions   partition count when Relay creates the topic
 * @param compacted    whether the latest record per key is the truth (cleanup.policy=compact)
 * @param configs      topic-level configs set at creation (retention, cleanup policy)
 */
public record Topic<K, V>(
        String name,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        String keyMeaning,
        int partitions,
        boolean compacted,
        Map<String, String> configs) {

    public Topic {
        configs = Map.copyOf(configs);
    }

    @Override
    public String toString() {
        return name;
    }
}
