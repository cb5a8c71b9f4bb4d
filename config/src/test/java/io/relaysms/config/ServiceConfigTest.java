package io.relaysms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.config.numbers.NumberType;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    private static final ConfigDef EXAMPLE = new ConfigDef()
            .define("api.http.port", Type.INT, 8443, Range.between(0, 65535), Importance.HIGH, "port")
            .define("api.access-key.primary", Type.PASSWORD, "", Importance.HIGH, "key");

    private static final Map<String, String> CARRIER = Map.of(
            "carriers.sim.protocol", "smpp", "carriers.sim.host", "127.0.0.1", "carriers.sim.port", "2775");

    @Test
    void readsSharedAndOwnKeysWithDefaults() {
        ServiceConfig config = new ServiceConfig("api", EXAMPLE, RelaySettings.of(Map.of("topics.prefix", "t.")));

        assertThat(config.getInt("api.http.port")).isEqualTo(8443);
        assertThat(config.topicPrefix()).isEqualTo("t.");
        assertThat(config.getInt(SharedSettings.TOPICS_PARTITIONS)).isEqualTo(6);
    }

    @Test
    void listsEveryProblemAtOnce() {
        Map<String, String> bad = Map.of(
                "api.http.port", "seventy",
                "api.htp.port", "1",
                "kafak.bootstrap.servers", "x:1",
                "numbers.+1800.type", "toll-free",
                "numbers.+1800.route", "sim");

        assertThatThrownBy(() -> new ServiceConfig("api", EXAMPLE, RelaySettings.of(bad)))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("api.http.port:"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("api.htp.port: unknown key for api; did you mean api.http.port?"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("kafak.bootstrap.servers: unknown key (no Relay setting starts with "
                                + "'kafak'; did you mean kafka.*?)"))
                        .anySatisfy(p -> assertThat(p).startsWith("numbers.+1800: '+1800' is not a valid phone number"))
                        .anySatisfy(p -> assertThat(p).startsWith("numbers.+1800.route: no carrier 'sim'")));
    }

    @Test
    void ignoresKeysThatBelongToOtherServices() {
        ServiceConfig config = new ServiceConfig("api", EXAMPLE, RelaySettings.of(Map.of("dispatcher.window", "50")));

        assertThat(config.namespace()).isEqualTo("api");
    }

    @Test
    void environmentOverridesTheFile() {
        RelaySettings settings = RelaySettings.of(Map.of("api.http.port", "1000"), Map.of("RELAY_API_HTTP_PORT", "2000"));

        assertThat(new ServiceConfig("api", EXAMPLE, settings).getInt("api.http.port")).isEqualTo(2000);
    }

    @Test
    void passesKafkaSettingsToClientsWithoutThePrefix() {
        ServiceConfig config = new ServiceConfig("api", EXAMPLE, RelaySettings.of(Map.of(
                "kafka.bootstrap.servers", "b:9092", "kafka.security.protocol", "SASL_SSL")));

        assertThat(config.kafkaClientProperties())
                .containsEntry("bootstrap.servers", "b:9092")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void clientsGetTheDocumentedDefaultBrokerWhenNoneIsConfigured() {
        ServiceConfig config = new ServiceConfig("api", EXAMPLE, RelaySettings.of(Map.of()));

        assertThat(config.kafkaClientProperties()).containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void anUnparsableValueIsOneProblemNotTwo() {
        assertThatThrownBy(() -> new ServiceConfig("api", EXAMPLE, RelaySettings.of(Map.of("api.http.port", "abc"))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("api.http.port: ").doesNotContain("null"));
    }

    @Test
    void aSchemaRegistryIsEmptyOrHttpUrls() {
        assertThat(new ServiceConfig("api", EXAMPLE, RelaySettings.of(Map.of("schema.registry.url",
                "http://registry-1:8081, https://registry-2:8081"))).getString("schema.registry.url")).contains("registry-2");
        assertThatThrownBy(() -> new ServiceConfig("api", EXAMPLE, RelaySettings.of(Map.of("schema.registry.url", "notaurl"))))
                .hasMessageContaining("schema.registry.url: Invalid value notaurl");
    }

    @Test
    void neverPrintsSecrets() {
        ServiceConfig config = new ServiceConfig("api", EXAMPLE, RelaySettings.of(Map.of(
                "api.access-key.primary", "c2VjcmV0LWtleQ==", "kafka.sasl.jaas.config", "password=\"hunter2\"")));

        assertThat(config.toString()).doesNotContain("c2VjcmV0LWtleQ==").doesNotContain("hunter2").contains("[hidden]");
    }

    @Test
    void parsesOwnedNumbersIntoCanonicalForm() {
        Map<String, String> values = new java.util.HashMap<>(CARRIER);
        values.putAll(Map.of(
                "numbers.+1 (800) 555-0100.type", "toll-free",
                "numbers.+1 (800) 555-0100.route", "sim",
                "numbers.+1 (800) 555-0100.rate-limit.per-minute", "300",
                "numbers.12345.type", "short-code",
                "numbers.12345.route", "sim"));

        ServiceConfig config = new ServiceConfig("api", EXAMPLE, RelaySettings.of(values));

        assertThat(config.numbers().lookup("+18005550100")).hasValueSatisfying(n -> {
            assertThat(n.type()).isEqualTo(NumberType.TOLL_FREE);
            assertThat(n.regionCode()).isEqualTo("US");
            assertThat(n.attribute("rate-limit.per-minute")).hasValue("300");
        });
        assertThat(config.numbers().lookup("12345")).hasValueSatisfying(n -> assertThat(n.type()).isEqualTo(NumberType.SHORT_CODE));
        assertThat(config.carriers().get("sim")).hasValueSatisfying(c -> assertThat(c.intAttribute("port", 0)).isEqualTo(2775));
    }

    /** No service owns topics.* and schema.*, so each service checks them against the shared keys. */
    @Test
    void rejectsMisspeltSharedKeysInEveryService() {
        Map<String, String> typos = Map.of(
                "topics.partitons", "12",
                "schema.registry.ulr", "http://registry:8081",
                "metrics.enabled", "true");

        assertThatThrownBy(() -> new ServiceConfig("api", EXAMPLE, RelaySettings.of(typos)))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("topics.partitons: unknown key; did you mean topics.partitions?"))
                        .anySatisfy(p -> assertThat(p).startsWith("schema.registry.ulr: unknown key").contains("schema.registry.url"))
                        .anySatisfy(p -> assertThat(p).startsWith("metrics.enabled: unknown key")));
    }

    @Test
    void readsTheSchemaRegistryRequestTimeout() {
        ServiceConfig config = new ServiceConfig("api", EXAMPLE, RelaySettings.of(Map.of("schema.registry.request.timeout.ms", "2500")));

        assertThat(config.getLong(SharedSettings.SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS)).isEqualTo(2500L);
    }

    @Test
    void rejectsCarrierAttributesTheProtocolDoesNotHave() {
        Map<String, String> values = new java.util.HashMap<>(CARRIER);
        values.putAll(Map.of(
                "carriers.sim.windw", "32",
                "carriers.sim.url", "https://carrier.example",
                "carriers.web.protocol", "http",
                "carriers.web.url", "https://carrier.example",
                "carriers.web.binds", "2"));

        assertThatThrownBy(() -> new ServiceConfig("api", EXAMPLE, RelaySettings.of(values)))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "carriers.sim.windw: unknown attribute of an smpp carrier (known: bind-timeout-ms, binds, concatenation, count, "
                                + "enquire-link-interval-ms, host, inbound-gsm7-packing, password, port, protocol, receipt-id-format, "
                                + "reconnect-initial-ms, reconnect-max-ms, registered-delivery, response-timeout-ms, retryable-statuses, "
                                + "submit-id-format, system-id, system-type, throttled-statuses, tls, tls.trust-all, tps, window)",
                        "carriers.sim.url: unknown attribute of an smpp carrier (known: bind-timeout-ms, binds, concatenation, count, "
                                + "enquire-link-interval-ms, host, inbound-gsm7-packing, password, port, protocol, receipt-id-format, "
                                + "reconnect-initial-ms, reconnect-max-ms, registered-delivery, response-timeout-ms, retryable-statuses, "
                                + "submit-id-format, system-id, system-type, throttled-statuses, tls, tls.trust-all, tps, window)",
                        "carriers.web.binds: unknown attribute of an http carrier (known: api-key, callback-token, count, protocol, "
                                + "receipt-id-format, submit-id-format, timeout-ms, tps, url, window)"));
    }

    @Test
    void acceptsEveryDocumentedCarrierAttribute() {
        Map<String, String> values = new java.util.HashMap<>(CARRIER);
        for (String attribute : java.util.List.of("system-id", "password", "system-type", "binds", "window", "tls", "tls.trust-all",
                "tps", "enquire-link-interval-ms", "response-timeout-ms", "bind-timeout-ms", "reconnect-initial-ms", "reconnect-max-ms",
                "count", "concatenation", "registered-delivery", "throttled-statuses", "retryable-statuses", "submit-id-format",
                "receipt-id-format", "inbound-gsm7-packing")) {
            values.put("carriers.sim." + attribute, "1");
        }
        for (String attribute : java.util.List.of("url", "api-key", "timeout-ms", "window", "tps", "count", "callback-token",
                "submit-id-format", "receipt-id-format")) {
            values.put("carriers.web." + attribute, "1");
        }
        values.put("carriers.web.protocol", "http");

        assertThat(new ServiceConfig("api", EXAMPLE, RelaySettings.of(values)).carriers().ids()).containsExactlyInAnyOrder("sim", "web");
    }

    @Test
    void rejectsNumberAttributesNobodyReads() {
        Map<String, String> values = new java.util.HashMap<>(CARRIER);
        values.putAll(Map.of(
                "numbers.+18005550100.type", "toll-free",
                "numbers.+18005550100.route", "sim",
                "numbers.+18005550100.rate-limit.per-minut", "300",
                "numbers.+18005550100.optout.keywords.stop", "STOP,HALT"));

        assertThatThrownBy(() -> new ServiceConfig("api", EXAMPLE, RelaySettings.of(values)))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "numbers.+18005550100.rate-limit.per-minut: unknown attribute (known: failover-route, rate-limit.burst, "
                                + "rate-limit.per-minute, region, route, type, optout.*)"));
    }
}
