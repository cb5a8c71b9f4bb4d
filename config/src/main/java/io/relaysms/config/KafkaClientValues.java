package io.relaysms.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Checks the values of {@code kafka.*} settings against the Kafka clients' own definitions when the configuration is
 * read, so that {@code kafka.acks: al} or {@code kafka.request.timeout.ms: 30s} stops a start with the rest of the
 * configuration's problems, instead of when a service first builds a client (after others have started). Keys no
 * producer, consumer or admin client declares (Kafka Streams' own, say) are left to the library that reads them.
 */
final class KafkaClientValues {

    private static final List<ConfigDef> CLIENTS = List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
            AdminClientConfig.configDef());

    private KafkaClientValues() {
    }

    /** One line per {@code kafka.*} value that a client that declares the key would refuse. */
    static List<String> problems(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (!key.startsWith(SharedSettings.KAFKA_PREFIX)) {
                return;
            }
            String name = key.substring(SharedSettings.KAFKA_PREFIX.length());
            for (ConfigDef client : CLIENTS) {
                ConfigDef.ConfigKey declared = client.configKeys().get(name);
                if (declared != null) {
                    String refusal = refusal(declared, value);
                    if (refusal != null) {
                        problems.add(key + ": " + refusal);
                        return;
                    }
                }
            }
        });
        return problems;
    }

    private static String refusal(ConfigDef.ConfigKey declared, String value) {
        try {
            Object parsed = ConfigDef.parseType(declared.name, value, declared.type);
            if (declared.validator != null) {
                declared.validator.ensureValid(declared.name, parsed);
            }
            return null;
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }
}
