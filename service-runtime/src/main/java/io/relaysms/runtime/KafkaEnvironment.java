package io.relaysms.runtime;

import io.relaysms.config.ServiceConfig;
import io.relaysms.config.SharedSettings;
import io.relaysms.serde.SerdeSettings;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicProvisioner;
import io.relaysms.topics.TopicSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka side of a service, built from its configuration: the topic catalogue and client settings.
 * Precedence for client settings: Relay's defaults, then the user's {@code kafka.*} keys (so SASL, TLS and tuning
 * work as Kafka documents them), then what the calling code needs for correctness.
 */
public final class KafkaEnvironment {

    private final ServiceConfig config;
    private final Map<String, Object> serdeSettings;
    private final TopicCatalog topics;

    public KafkaEnvironment(ServiceConfig config) {
        this.config = config;
        Map<String, Object> serde = new HashMap<>();
        serde.put(SerdeSettings.REGISTRY_URL, config.getString(SharedSettings.SCHEMA_REGISTRY_URL));
        serde.put(SerdeSettings.REGISTRY_TIMEOUT_MS, config.getLong(SharedSettings.SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS));
        if (config.getPassword(SharedSettings.SCHEMA_REGISTRY_USER_INFO) != null) {
            serde.put(SerdeSettings.REGISTRY_USER_INFO, config.getPassword(SharedSettings.SCHEMA_REGISTRY_USER_INFO));
        }
        this.serdeSettings = Map.copyOf(serde);
        this.topics = TopicCatalog.create(new TopicSettings(config.topicPrefix(),
                config.getInt(SharedSettings.TOPICS_PARTITIONS), config.getShort(SharedSettings.TOPICS_REPLICATION_FACTOR)),
                serdeSettings);
    }

    public TopicCatalog topics() {
        return topics;
    }

    /** What to pass to {@code AvroSerde.of} or to serializers configured by name. */
    public Map<String, Object> serdeSettings() {
        return serdeSettings;
    }

    /** A consumer group or Streams application id, prefixed like the topics so deployments can share a cluster. */
    public String groupId(String base) {
        return config.topicPrefix() + base;
    }

    public Properties producerProperties(String clientId, Map<String, ?> required) {
        Properties p = new Properties();
        p.put("client.id", clientId);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "5");
        p.put("compression.type", "lz4");
        return layered(p, required);
    }

    public Properties consumerProperties(String groupId, Map<String, ?> required) {
        Properties p = new Properties();
        p.put("group.id", groupId);
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        return layered(p, required);
    }

    /** Streams settings with exactly-once v2 and one RocksDB memory budget per process; {@code required} is applied last. */
    public Properties streamsProperties(String applicationId, Map<String, ?> required) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, String.valueOf(config.getShort(SharedSettings.TOPICS_REPLICATION_FACTOR)));
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        return layered(p, required);
    }

    public Properties adminProperties() {
        return layered(new Properties(), Map.of());
    }

    public Admin admin() {
        return Admin.create(adminProperties());
    }

    /** Creates missing topics and verifies existing ones (see {@link TopicProvisioner}). */
    public TopicProvisioner.Report ensureTopics(Duration timeout) {
        // The admin client's own deadline per call (60 s by default) would otherwise end a longer wait early, and
        // its close waits for calls still pending: an unreachable cluster then took twice the time the error named.
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Admin admin = Admin.create(layered(new Properties(), Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, requestTimeoutMillis()))));
        try {
            return new TopicProvisioner(admin, timeout).ensure(topics);
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** The user's kafka.request.timeout.ms, or Kafka's default; a value that is no number is the clients' to refuse. */
    private int requestTimeoutMillis() {
        Object configured = config.kafkaClientProperties().get(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG);
        try {
            return configured == null ? 30_000 : Integer.parseInt(configured.toString().trim());
        } catch (NumberFormatException e) {
            return 30_000;
        }
    }

    private Properties layered(Properties defaults, Map<String, ?> required) {
        Properties p = new Properties();
        p.putAll(defaults);
        p.putAll(config.kafkaClientProperties());
        p.putAll(required);
        return p;
    }
}
