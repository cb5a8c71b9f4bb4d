package io.relaysms.topics;

import io.relaysms.config.DurationSetting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a cluster hold the catalogue's topics: creates the missing ones and verifies the existing ones. It is
 * idempotent and safe when several services start at once (a topic created meanwhile by another is simply
 * verified). It never alters an existing topic; what it cannot accept stops start-up with a clear message:
 * co-partitioned topics with different partition counts, or a table topic that is not compacted (it would
 * lose opt-outs after the retention period).
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** What {@link #ensure} did. */
    public record Report(List<String> created, List<String> verified, List<String> warnings) {
    }

    /** Thrown when the cluster's topics cannot serve Relay as they are. */
    public static final class TopicMismatchException extends RuntimeException {
        public TopicMismatchException(List<String> problems) {
            super("the topics on the cluster do not fit Relay:\n  - " + String.join("\n  - ", problems));
        }
    }

    public Report ensure(TopicCatalog catalog) {
        List<Topic<?, ?>> wanted = catalog.all();
        Set<String> existing = call(admin.listTopics().names());
        List<Topic<?, ?>> missing = wanted.stream().filter(topic -> !existing.contains(topic.name())).toList();
        List<String> created = createMissing(missing, catalog.settings());
        Map<String, TopicDescription> descriptions = describeOnceVisible(wanted.stream().map(Topic::name).toList());
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        checkPartitions(catalog, wanted, descriptions, problems, warnings);
        checkCompaction(wanted, problems);
        if (!problems.isEmpty()) {
            throw new TopicMismatchException(problems);
        }
        warnings.forEach(log::warn);
        List<String> verified = wanted.stream().map(Topic::name).filter(name -> !created.contains(name)).toList();
        if (!created.isEmpty()) {
            log.info("created topics {}", created);
        }
        return new Report(created, verified, warnings);
    }

    /** Creates all missing topics in one request: one controller round trip instead of one per topic. */
    private List<String> createMissing(List<Topic<?, ?>> missing, TopicSettings settings) {
        if (missing.isEmpty()) {
            return List.of();
        }
        Optional<Short> replication = settings.replicationFactor() > 0 ? Optional.of(settings.replicationFactor()) : Optional.empty();
        List<NewTopic> newTopics = missing.stream()
                .map(topic -> new NewTopic(topic.name(), Optional.of(topic.partitions()), replication).configs(topic.configs()))
                .toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
        List<String> created = new ArrayList<>();
        for (Topic<?, ?> topic : missing) {
            try {
                results.get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic.name() + ": "
                            + ClusterRefusal.explain(e.getCause(), e.getCause().getMessage()), e.getCause());
                }
                // another instance created it first; it is verified below
            } catch (TimeoutException e) {
                throw new IllegalStateException("creating topic " + topic.name() + " took longer than " + DurationSetting.format(timeout), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        }
        return created;
    }

    /** A topic just created may take a moment to reach the metadata of the broker that answers, and to get its leaders. */
    private Map<String, TopicDescription> describeOnceVisible(List<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                // Topics created in one request get their leaders one by one; a producer that starts before its
                // partition has one gets NOT_LEADER_OR_FOLLOWER until it has.
                boolean led = described.values().stream()
                        .allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null));
                if (led || System.nanoTime() > deadline) {
                    return described;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot describe topics " + names + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("the Kafka cluster did not answer within " + DurationSetting.format(timeout), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing topics", e);
            }
            try {
                Thread.sleep(50); // back off between metadata polls; there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing topics", e);
            }
        }
    }

    private static void checkPartitions(TopicCatalog catalog, List<Topic<?, ?>> wanted, Map<String, TopicDescription> descriptions,
                                        List<String> problems, List<String> warnings) {
        Map<String, Integer> coPartitioned = new LinkedHashMap<>();
        for (Topic<?, ?> topic : catalog.coPartitioned()) {
            coPartitioned.put(topic.name(), descriptions.get(topic.name()).partitions().size());
        }
        if (coPartitioned.values().stream().distinct().count() > 1) {
            problems.add("topics " + coPartitioned.keySet() + " must have the same number of partitions (a dispatcher "
                    + "finds a request's outcomes in the same partition number), but have " + coPartitioned.values());
        }
        for (Topic<?, ?> topic : wanted) {
            int actual = descriptions.get(topic.name()).partitions().size();
            if (actual != topic.partitions()) {
                warnings.add("topic " + topic.name() + " has " + actual + " partitions, topics.partitions says "
                        + topic.partitions() + "; Relay uses it as it is");
            }
        }
    }

    private void checkCompaction(List<Topic<?, ?>> wanted, List<String> problems) {
        List<ConfigResource> tables = wanted.stream().filter(Topic::compacted)
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name())).toList();
        Map<ConfigResource, Config> configs = call(admin.describeConfigs(tables).all());
        configs.forEach((resource, config) -> {
            String policy = Optional.ofNullable(config.get("cleanup.policy")).map(e -> e.value()).orElse("delete");
            if (!Set.of(policy.split(",")).contains("compact")) {
                problems.add("topic " + resource.name() + " must be compacted (cleanup.policy=compact), but has cleanup.policy="
                        + policy + "; it holds current state, which deletion by retention would lose");
            }
        });
    }

    private IllegalStateException unanswered(Throwable cause) {
        return new IllegalStateException("the Kafka cluster did not answer within " + DurationSetting.format(timeout)
                + " (is kafka.bootstrap.servers right and the cluster up?)", cause);
    }

    private <T> T call(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unanswered(e.getCause());
            }
            throw new IllegalStateException(ClusterRefusal.explain(e.getCause(),
                    "the Kafka cluster refused a topic request: " + e.getCause().getMessage()), e.getCause());
        } catch (TimeoutException e) {
            throw unanswered(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the Kafka cluster", e);
        }
    }

}
