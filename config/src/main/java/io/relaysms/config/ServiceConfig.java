package io.relaysms.config;

import io.relaysms.config.carriers.CarrierRoutes;
import io.relaysms.config.numbers.NumberDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The validated configuration of one service: the shared keys ({@link SharedSettings}), the keys of the
 * service's own namespace (declared once, Kafka {@code ConfigDef} style, with type, default, validator and
 * doc), the numbers this deployment owns and its carrier routes. Construction fails with every problem listed.
 */
public class ServiceConfig extends AbstractConfig {

    private final String namespace;
    private final Map<String, String> effective;
    private final NumberDirectory numbers;
    private final CarrierRoutes carriers;

    public ServiceConfig(String namespace, ConfigDef serviceDefinition, RelaySettings settings) {
        this(namespace, withSharedKeys(serviceDefinition), settings, true);
    }

    private ServiceConfig(String namespace, ConfigDef definition, RelaySettings settings, boolean unused) {
        super(definition, checked(namespace, definition, settings), false);
        this.namespace = namespace;
        this.effective = settings.resolve(definition.names());
        this.carriers = CarrierRoutes.parse(effective, new ArrayList<>());
        this.numbers = NumberDirectory.parse(effective, carriers.ids(), new ArrayList<>());
    }

    /** The shared keys plus the service's own. */
    public static ConfigDef withSharedKeys(ConfigDef serviceDefinition) {
        ConfigDef merged = new ConfigDef(SharedSettings.definition());
        serviceDefinition.configKeys().values().forEach(merged::define);
        return merged;
    }

    private static Map<String, String> checked(String namespace, ConfigDef definition, RelaySettings settings) {
        Map<String, String> effective = settings.resolve(definition.names());
        List<String> problems = new ArrayList<>();
        for (ConfigValue value : definition.validateAll(effective).values()) {
            // The first message says what is wrong; after an unparsable value Kafka adds "Invalid value null", which is not.
            value.errorMessages().stream().findFirst().ifPresent(message -> problems.add(value.name() + ": " + message));
        }
        Set<String> declared = definition.names();
        for (String key : effective.keySet()) {
            String first = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!SharedSettings.NAMESPACES.contains(first)) {
                String meant = KeySuggestion.closest(first, new TreeSet<>(SharedSettings.NAMESPACES))
                        .map(known -> "; did you mean " + known + ".*?").orElse("");
                problems.add(key + ": unknown key (no Relay setting starts with '" + first + "'" + meant + ")");
            } else if (first.equals(namespace) && !declared.contains(key) && !isDynamic(definition, key)) {
                problems.add(key + ": unknown key for " + namespace + suggestion(key, declaredIn(declared, first)));
            } else if (SharedSettings.DECLARED_NAMESPACES.contains(first) && !declared.contains(key)) {
                problems.add(key + ": unknown key" + suggestion(key, declaredIn(declared, first)) + " (the " + first
                        + ".* keys are " + declaredIn(declared, first) + ")");
            }
        }
        problems.addAll(KafkaClientValues.problems(effective));
        CarrierRoutes carriers = CarrierRoutes.parse(effective, problems);
        NumberDirectory.parse(effective, carriers.ids(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return effective;
    }

    private static String suggestion(String unknown, Set<String> declared) {
        return KeySuggestion.closest(unknown, declared).map(key -> "; did you mean " + key + "?").orElse("");
    }

    private static Set<String> declaredIn(Set<String> declared, String namespace) {
        Set<String> keys = new TreeSet<>();
        declared.stream().filter(key -> key.startsWith(namespace + ".")).forEach(keys::add);
        return keys;
    }

    /** A service may declare a key ending in ".*" to accept a whole family, e.g. {@code webhooks.*}. */
    private static boolean isDynamic(ConfigDef definition, String key) {
        return definition.names().stream()
                .filter(name -> name.endsWith(".*"))
                .anyMatch(name -> key.startsWith(name.substring(0, name.length() - 1)));
    }

    public String namespace() {
        return namespace;
    }

    /**
     * Every {@code kafka.*} key without its prefix, exactly as the Kafka clients document them, and
     * {@code bootstrap.servers} with its default ({@code localhost:9092}) when none is configured.
     */
    public Properties kafkaClientProperties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", String.join(",", getList(SharedSettings.BOOTSTRAP_SERVERS)));
        effective.forEach((key, value) -> {
            if (key.startsWith(SharedSettings.KAFKA_PREFIX)) {
                properties.put(key.substring(SharedSettings.KAFKA_PREFIX.length()), value);
            }
        });
        return properties;
    }

    /** Keys under a prefix with the prefix removed, for families such as {@code webhooks.}. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> family = new TreeMap<>();
        effective.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                family.put(key.substring(prefix.length()), value);
            }
        });
        return family;
    }

    public NumberDirectory numbers() {
        return numbers;
    }

    public CarrierRoutes carriers() {
        return carriers;
    }

    public String topicPrefix() {
        return getString(SharedSettings.TOPICS_PREFIX);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        effective.forEach((k, v) -> shown.put(k, RelaySettings.isSecret(k) ? "[hidden]" : v));
        return namespace + " configuration " + shown;
    }
}
