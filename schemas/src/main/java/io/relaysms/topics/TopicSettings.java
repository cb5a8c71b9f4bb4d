package io.relaysms.topics;

/**
 * How the catalogue names and sizes topics: a name prefix (several deployments can share a cluster), the
 * partition count, and the replication factor for topics Relay creates (-1: the broker's default).
 */
public record TopicSettings(String prefix, int partitions, short replicationFactor) {

    public TopicSettings {
        if (prefix == null) {
            prefix = "";
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topics need at least one partition, not " + partitions);
        }
    }

    public static TopicSettings defaults() {
        return new TopicSettings("", 6, (short) -1);
    }
}
