package io.relaysms.serde;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The serde's own settings, read from the same map Kafka hands to {@code configure}: so the serializers work
 * by class name in plain Kafka client configuration.
 * <ul>
 *   <li>{@code schema.registry.url}: comma-separated registry URLs; absent or empty: the shipped ids.</li>
 *   <li>{@code schema.registry.basic.auth.user.info}: {@code user:password} for the registry.</li>
 *   <li>{@code schema.registry.request.timeout.ms}: per request, default 10000.</li>
 *   <li>{@code specific.avro.reader}: deserialize into the generated classes (default true) or GenericRecord.</li>
 * </ul>
 */
public final class SerdeSettings {

    public static final String REGISTRY_URL = "schema.registry.url";
    public static final String REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String REGISTRY_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String SPECIFIC_READER = "specific.avro.reader";

    private SerdeSettings() {
    }

    public static SchemaIds schemaIds(Map<String, ?> configs) {
        String url = text(configs, REGISTRY_URL).orElse("");
        if (url.isBlank()) {
            return ShippedSchemaIds.load();
        }
        Duration timeout = Duration.ofMillis(text(configs, REGISTRY_TIMEOUT_MS).map(Long::parseLong).orElse(10_000L));
        return new RegistrySchemaIds(new SchemaRegistryClient(url, text(configs, REGISTRY_USER_INFO), timeout));
    }

    static boolean specificReader(Map<String, ?> configs) {
        return text(configs, SPECIFIC_READER).map(Boolean::parseBoolean).orElse(true);
    }

    private static Optional<String> text(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return Optional.empty();
        }
        // Kafka hands Password objects for PASSWORD-typed keys; their value() is the secret.
        if (value instanceof org.apache.kafka.common.config.types.Password password) {
            return Optional.ofNullable(password.value());
        }
        return Optional.of(String.valueOf(value));
    }
}
