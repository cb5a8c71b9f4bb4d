package io.relaysms.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps environment variables onto configuration keys. The mapping is explicit rather than guessed:
 * a declared key {@code api.http.port} is overridden by {@code RELAY_API_HTTP_PORT} (dots and dashes
 * become underscores, upper case). Kafka client settings pass through: {@code RELAY_KAFKA_SASL_JAAS_CONFIG}
 * becomes {@code kafka.sasl.jaas.config}, which is unambiguous because Kafka's own keys only use dots.
 * Per-number and per-carrier entries come from the file only.
 */
public final class EnvironmentOverrides {

    public static final String PREFIX = "RELAY_";
    private static final String KAFKA_PREFIX = "KAFKA_";

    private EnvironmentOverrides() {
    }

    public static String environmentName(String key) {
        return PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The keys that the given environment sets, for the declared keys and for {@code kafka.*}. */
    public static Map<String, String> resolve(Map<String, String> environment, Collection<String> declaredKeys) {
        Map<String, String> byEnvironmentName = new LinkedHashMap<>();
        for (String key : declaredKeys) {
            byEnvironmentName.put(environmentName(key), key);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (!name.startsWith(PREFIX)) {
                return;
            }
            String declared = byEnvironmentName.get(name);
            if (declared != null) {
                overrides.put(declared, value);
            } else if (name.startsWith(PREFIX + KAFKA_PREFIX)) {
                String rest = name.substring((PREFIX + KAFKA_PREFIX).length());
                overrides.put("kafka." + rest.toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return overrides;
    }
}
