package io.relaysms.benchmarks.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker had to take in for the messages of a phase: the growth of every partition's end offset (records,
 * transaction markers included, since the broker writes and replicates those too) and of its log (net: a lower bound
 * where segments were dropped meanwhile; summed over replicas, so one broker's figure), over all topics including the
 * Streams applications' repartition and changelog topics and Kafka's own offsets and transaction logs. Divided by the
 * messages that got their report, it is the broker's share of a message that no tuning of one service removes, and
 * with the producer perf tool's rate it gives the message rate at which the broker's writes alone would fill it.
 */
final class BrokerTraffic implements AutoCloseable {

    static final String RELAY_TOPICS = "Relay topics";
    static final String REPARTITION = "repartition";
    static final String CHANGELOG = "changelogs";
    static final String CONSUMER_OFFSETS = "__consumer_offsets";
    static final String TRANSACTION_STATE = "__transaction_state";

    /** End offsets and log sizes at one moment. */
    record Snapshot(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> logBytes) {
    }

    /** Growth between two snapshots, per topic. */
    record Growth(Map<String, Long> recordsByTopic, Map<String, Long> bytesByTopic) {

        /** Records per group of topics, in the order {@link #groups} lists them. */
        Map<String, Long> records() {
            return byGroup(recordsByTopic);
        }

        /** Log bytes per group of topics, in the order {@link #groups} lists them. */
        Map<String, Long> bytes() {
            return byGroup(bytesByTopic);
        }

        long totalRecords() {
            return recordsByTopic.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalBytes() {
            return bytesByTopic.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The topics that grew most in bytes, largest first. */
        List<String> largestTopics(int count) {
            return bytesByTopic.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(count).map(Map.Entry::getKey).toList();
        }

        private static Map<String, Long> byGroup(Map<String, Long> byTopic) {
            Map<String, Long> groups = new LinkedHashMap<>();
            groups().forEach(g -> groups.put(g, 0L));
            byTopic.forEach((topic, amount) -> groups.merge(groupOf(topic), amount, Long::sum));
            return groups;
        }
    }

    private final Admin admin;
    private final Set<String> ignored;

    /** {@code ignored}: topics that are not the platform's traffic (the perf tools' topic). */
    BrokerTraffic(String bootstrapServers, Set<String> ignored) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
        this.ignored = ignored;
    }

    static List<String> groups() {
        return List.of(RELAY_TOPICS, REPARTITION, CHANGELOG, CONSUMER_OFFSETS, TRANSACTION_STATE);
    }

    static String groupOf(String topic) {
        if (topic.equals(CONSUMER_OFFSETS) || topic.equals(TRANSACTION_STATE)) {
            return topic;
        }
        if (topic.endsWith("-repartition")) {
            return REPARTITION;
        }
        if (topic.endsWith("-changelog")) {
            return CHANGELOG;
        }
        return RELAY_TOPICS;
    }

    Snapshot snapshot() throws Exception {
        Set<String> names = new HashSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                .get(30, TimeUnit.SECONDS));
        names.removeAll(ignored);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> offsets.put(tp, info.offset()));
        List<Integer> brokers = new ArrayList<>();
        for (Node node : admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)) {
            brokers.add(node.id());
        }
        Map<TopicPartition, Long> bytes = new HashMap<>();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS).values()) {
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    if (offsets.containsKey(replica.getKey())) {
                        bytes.merge(replica.getKey(), replica.getValue().size(), Long::sum);
                    }
                }
            }
        }
        return new Snapshot(offsets, bytes);
    }

    static Growth between(Snapshot before, Snapshot after) {
        Map<String, Long> records = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        after.endOffsets().forEach((tp, end) -> records.merge(tp.topic(), end - before.endOffsets().getOrDefault(tp, 0L), Long::sum));
        // Net growth of each log, at least zero: a log that dropped segments meanwhile (compacted, or a repartition
        // topic purged by Kafka Streams) counts less than was appended, so bytes are a lower bound; records are exact.
        after.logBytes().forEach((tp, size) -> bytes.merge(tp.topic(),
                Math.max(0, size - before.logBytes().getOrDefault(tp, 0L)), Long::sum));
        return new Growth(records, bytes);
    }

    @Override
    public void close() {
        admin.close();
    }
}
