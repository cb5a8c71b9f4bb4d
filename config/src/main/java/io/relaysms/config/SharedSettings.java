package io.relaysms.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** The keys that every service reads with the same meaning. */
public final class SharedSettings {

    public static final String KAFKA_PREFIX = "kafka.";
    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String TOPICS_PREFIX = "topics.prefix";
    public static final String TOPICS_PARTITIONS = "topics.partitions";
    public static final String TOPICS_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    /**
     * First segments a key may start with. A key outside them is a typo (say {@code kafak.bootstrap.servers})
     * and stops start-up; a key inside another service's namespace is that service's business.
     */
    public static final Set<String> NAMESPACES = Set.of(
            "kafka", "topics", "schema", "numbers", "number-types", "carriers",
            "api", "dispatcher", "tracker", "optout", "usage", "webhooks", "simulator", "platform");

    /** Namespaces whose every key is declared here, so every service rejects the others ({@code topics.partitons}). */
    public static final Set<String> DECLARED_NAMESPACES = Set.of("topics", "schema");

    private SharedSettings() {
    }

    public static ConfigDef definition() {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", Importance.HIGH,
                        "Kafka brokers to bootstrap from. Every other kafka.* key goes to the Kafka clients untouched "
                                + "(kafka.security.protocol, kafka.sasl.mechanism, kafka.sasl.jaas.config, kafka.ssl.*).")
                .define(TOPICS_PREFIX, Type.STRING, "", Importance.MEDIUM,
                        "Prefix put before every topic name, e.g. 'prod.' gives 'prod.sms-requests'.")
                .define(TOPICS_PARTITIONS, Type.INT, 6, Range.atLeast(1), Importance.MEDIUM,
                        "Partitions of the topics keyed by sending number (sms-requests and sms-dispatch-events share it, "
                                + "so they stay co-partitioned) and default for the other topics when they are created.")
                .define(TOPICS_REPLICATION_FACTOR, Type.SHORT, (short) -1, Importance.MEDIUM,
                        "Replication factor for topics that Relay creates; -1 takes the broker's default.")
                .define(SCHEMA_REGISTRY_URL, Type.STRING, "", SharedSettings::emptyOrHttpUrls, Importance.MEDIUM,
                        "Confluent-compatible schema registry to register and resolve schema ids with. Empty: ids are "
                                + "the fixed ones of the schemas shipped with Relay, no registry needed.")
                .define(SCHEMA_REGISTRY_USER_INFO, Type.PASSWORD, null, Importance.LOW,
                        "user:password for HTTP basic authentication against the schema registry.")
                .define(SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(1, 600_000), Importance.LOW,
                        "How long one request to the schema registry may take, in milliseconds.");
    }

    /** Empty, or http(s) URLs with a host, comma-separated: anything else failed only at the first send, as a 500. */
    private static void emptyOrHttpUrls(String name, Object value) {
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            return;
        }
        for (String url : text.split(",")) {
            if (!isHttpUrl(url.trim())) {
                throw new ConfigException(name, value, "must be empty or http:// or https:// URLs with a host, comma-separated");
            }
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
