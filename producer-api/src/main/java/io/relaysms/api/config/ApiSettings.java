package io.relaysms.api.config;

import io.relaysms.config.BindAddress;
import io.relaysms.config.DurationSetting;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The producer API's keys, all under {@code api.*}, declared once with type, default and doc, and read back
 * typed. Owned numbers come from the shared {@code numbers.*} keys: a sender is owned iff it is configured.
 */
public final class ApiSettings {

    public static final String NAMESPACE = "api";

    public static final String HTTPS_ENABLED = "api.https.enabled";
    public static final String HTTPS_PORT = "api.https.port";
    public static final String HTTP_ENABLED = "api.http.enabled";
    public static final String HTTP_PORT = "api.http.port";
    /** Every port this service listens on, for the advice when one is taken. */
    public static final List<String> PORTS = List.of(HTTPS_PORT, HTTP_PORT);
    public static final String BIND_ADDRESS = "api.bind-address";
    public static final String PRIMARY_KEY = "api.access-key.primary";
    public static final String SECONDARY_KEY = "api.access-key.secondary";
    public static final String DATA_DIR = "api.data-dir";
    public static final String KEYSTORE_PATH = "api.tls.keystore.path";
    public static final String KEYSTORE_PASSWORD = "api.tls.keystore.password";
    public static final String KEYSTORE_TYPE = "api.tls.keystore.type";
    public static final String TLS_HOSTNAMES = "api.tls.hostnames";
    public static final String MAX_BODY_BYTES = "api.max-body-bytes";
    public static final String CLOCK_SKEW = "api.clock-skew";
    public static final String DEFAULT_VALIDITY = "api.default-validity";
    public static final String PUBLISH_TIMEOUT = "api.publish.timeout";
    public static final String PUBLISH_MAX_BATCH = "api.publish.max-batch-records";
    public static final String PUBLISH_LANES = "api.publish.lanes";
    public static final String RETRY_AFTER_SECONDS = "api.retry-after-seconds";
    public static final String REPEATABILITY_WINDOW = "api.repeatability.window";
    public static final String REPEATABILITY_MAX_ENTRIES = "api.repeatability.max-entries";
    public static final String INSTANCE_ID = "api.instance-id";
    public static final String DELIVERY_REPORTS_URL = "api.delivery-reports.url";
    public static final String DELIVERY_REPORTS_TIMEOUT = "api.delivery-reports.timeout";
    public static final String OPTOUT_APPLY_TIMEOUT = "api.optouts.apply-timeout";
    public static final String STARTUP_TIMEOUT = "api.startup.timeout";

    /** Every entry an absolute http(s) URL: a missing scheme would otherwise fail each query, not the start. */
    private static final ConfigDef.Validator TRACKER_URLS = (name, value) -> {
        List<?> urls = (List<?>) value;
        if (urls == null || urls.isEmpty()) {
            throw new ConfigException(name, value, "name at least one delivery tracker, e.g. http://tracker:8086");
        }
        for (Object url : urls) {
            try {
                URI uri = new URI(String.valueOf(url).trim());
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new URISyntaxException(String.valueOf(url), "not an http:// or https:// URL with a host");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(name, value, "'" + url + "' is not an http:// or https:// URL with a host, "
                        + "e.g. http://tracker:8086");
            }
        }
    };

    private final ServiceConfig config;

    public ApiSettings(RelaySettings settings) {
        this.config = new ServiceConfig(NAMESPACE, definition(), settings);
    }

    public static ConfigDef definition() {
        return new ConfigDef()
                .define(HTTPS_ENABLED, Type.BOOLEAN, true, Importance.HIGH,
                        "Serve HTTPS. The Azure SDKs refuse access keys over plain http, so this stays on unless a "
                                + "TLS-terminating proxy sits in front.")
                .define(HTTPS_PORT, Type.INT, 8443, Range.between(0, 65535), Importance.HIGH, "HTTPS port; 0 picks a free one.")
                .define(HTTP_ENABLED, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Also serve plain HTTP (only behind a TLS-terminating proxy; the SDKs will not sign for http://).")
                .define(HTTP_PORT, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM, "Plain HTTP port; 0 picks a free one.")
                .define(BIND_ADDRESS, Type.STRING, "0.0.0.0", BindAddress.LOCAL, Importance.MEDIUM, "Address the ports bind to.")
                .define(PRIMARY_KEY, Type.PASSWORD, null, Importance.HIGH,
                        "Primary access key (base64, as in an ACS connection string). Empty: one is generated once and "
                                + "kept in <api.data-dir>/access-key.")
                .define(SECONDARY_KEY, Type.PASSWORD, null, Importance.MEDIUM,
                        "Secondary access key (base64), accepted alongside the primary for key rotation.")
                .define(DATA_DIR, Type.STRING, ".relay-data/api", Importance.MEDIUM,
                        "Folder for what the API generates and keeps across restarts: the self-signed certificate and a "
                                + "generated access key.")
                .define(KEYSTORE_PATH, Type.STRING, "", Importance.HIGH,
                        "Your TLS keystore (PKCS12 or JKS) for production. Empty: a self-signed certificate is generated "
                                + "in <api.data-dir>/tls and reused.")
                .define(KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of api.tls.keystore.path.")
                .define(KEYSTORE_TYPE, Type.STRING, "PKCS12", Importance.LOW, "Type of api.tls.keystore.path: PKCS12 or JKS.")
                .define(TLS_HOSTNAMES, Type.LIST, List.of("localhost", "127.0.0.1", "::1"), Importance.MEDIUM,
                        "Names and addresses the generated certificate is valid for (its subject alternative names).")
                .define(MAX_BODY_BYTES, Type.INT, 64 * 1024, Range.atLeast(1024), Importance.LOW,
                        "Largest request body accepted; larger ones get 413. 100 recipients and 2,048 characters fit in "
                                + "about 30 KiB.")
                .define(CLOCK_SKEW, Type.STRING, "15m", DurationSetting.atLeast(Duration.ofSeconds(1)), Importance.LOW,
                        "How far x-ms-date may be from the server's clock.")
                .define(DEFAULT_VALIDITY, Type.STRING, "5h", DurationSetting.atLeast(Duration.ofSeconds(1)), Importance.MEDIUM,
                        "How long an accepted message may wait to be sent, unless smsSendOptions.validityPeriodSeconds says.")
                .define(PUBLISH_TIMEOUT, Type.STRING, "10s", DurationSetting.atLeast(Duration.ofSeconds(1)), Importance.MEDIUM,
                        "Longest a request waits for the broker to take its records; then 503 with Retry-After.")
                .define(PUBLISH_MAX_BATCH, Type.INT, 5000, Range.atLeast(100), Importance.LOW,
                        "Most records committed in one Kafka transaction (requests are grouped, never split).")
                .define(PUBLISH_LANES, Type.INT, 2, Range.between(1, 16), Importance.LOW,
                        "Transactions in flight at once: while one commits, the next gathers the requests that arrived.")
                .define(RETRY_AFTER_SECONDS, Type.INT, 5, Range.atLeast(1), Importance.LOW, "Retry-After sent with a 503.")
                .define(REPEATABILITY_WINDOW, Type.STRING, "15m", DurationSetting.atLeast(Duration.ofMinutes(1)), Importance.MEDIUM,
                        "How long a repeatabilityRequestId is remembered; a repeatabilityFirstSent older than this is rejected (412).")
                .define(REPEATABILITY_MAX_ENTRIES, Type.INT, 2_000_000, Range.atLeast(1000), Importance.LOW,
                        "Most repeatability ids remembered (about 240 bytes of heap each); past it the oldest are forgotten early, "
                                + "and a repeat is then still sent once only, through its deterministic messageId.")
                .define(INSTANCE_ID, Type.STRING, "", Importance.LOW,
                        "Stable name of this API instance (unique per instance), used for its Kafka transactional id so "
                                + "that a restart fences its predecessor at once. Empty: a new random id per start.")
                .define(DELIVERY_REPORTS_URL, Type.LIST, List.of("http://127.0.0.1:8086"), TRACKER_URLS, Importance.MEDIUM,
                        "Base URLs of delivery tracker instances (comma-separated), asked for GET /deliveryReports/{messageId} "
                                + "in turn, past one that cannot answer (tracker.http.port defaults to 8086).")
                .define(DELIVERY_REPORTS_TIMEOUT, Type.STRING, "5s", DurationSetting.atLeast(Duration.ofMillis(100)), Importance.LOW,
                        "Longest wait for one delivery tracker's answer; then the next is asked, and after the last 503.")
                .define(OPTOUT_APPLY_TIMEOUT, Type.STRING, "5s", DurationSetting.atLeast(Duration.ZERO), Importance.LOW,
                        "How long optouts:add and :remove wait for the opt-out table to show the change (read-your-writes).")
                .define(STARTUP_TIMEOUT, Type.STRING, "60s", DurationSetting.atLeast(Duration.ofSeconds(1)), Importance.LOW,
                        "Longest start-up may take to reach Kafka and load its tables.");
    }

    public ServiceConfig serviceConfig() {
        return config;
    }

    public boolean httpsEnabled() {
        return config.getBoolean(HTTPS_ENABLED);
    }

    public int httpsPort() {
        return config.getInt(HTTPS_PORT);
    }

    public boolean httpEnabled() {
        return config.getBoolean(HTTP_ENABLED);
    }

    public int httpPort() {
        return config.getInt(HTTP_PORT);
    }

    public String bindAddress() {
        return config.getString(BIND_ADDRESS);
    }

    public Optional<String> primaryKey() {
        return secret(PRIMARY_KEY);
    }

    public Optional<String> secondaryKey() {
        return secret(SECONDARY_KEY);
    }

    public Path dataDirectory() {
        return Path.of(config.getString(DATA_DIR));
    }

    public Optional<Path> keystorePath() {
        String path = config.getString(KEYSTORE_PATH);
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    public char[] keystorePassword() {
        return secret(KEYSTORE_PASSWORD).orElse("").toCharArray();
    }

    public String keystoreType() {
        return config.getString(KEYSTORE_TYPE);
    }

    public List<String> tlsHostnames() {
        return config.getList(TLS_HOSTNAMES);
    }

    public int maxBodyBytes() {
        return config.getInt(MAX_BODY_BYTES);
    }

    public Duration clockSkew() {
        return duration(CLOCK_SKEW);
    }

    public Duration defaultValidity() {
        return duration(DEFAULT_VALIDITY);
    }

    public Duration publishTimeout() {
        return duration(PUBLISH_TIMEOUT);
    }

    public int publishMaxBatchRecords() {
        return config.getInt(PUBLISH_MAX_BATCH);
    }

    public int publishLanes() {
        return config.getInt(PUBLISH_LANES);
    }

    public int retryAfterSeconds() {
        return config.getInt(RETRY_AFTER_SECONDS);
    }

    public Duration repeatabilityWindow() {
        return duration(REPEATABILITY_WINDOW);
    }

    public int repeatabilityMaxEntries() {
        return config.getInt(REPEATABILITY_MAX_ENTRIES);
    }

    public Optional<String> instanceId() {
        String id = config.getString(INSTANCE_ID);
        return id.isBlank() ? Optional.empty() : Optional.of(id.trim());
    }

    public List<URI> deliveryReportsUrls() {
        return config.getList(DELIVERY_REPORTS_URL).stream().map(String::trim).map(URI::create).toList();
    }

    public Duration deliveryReportsTimeout() {
        return duration(DELIVERY_REPORTS_TIMEOUT);
    }

    public Duration optOutApplyTimeout() {
        return duration(OPTOUT_APPLY_TIMEOUT);
    }

    public Duration startupTimeout() {
        return duration(STARTUP_TIMEOUT);
    }

    private Duration duration(String key) {
        return DurationSetting.parse(config.getString(key));
    }

    private Optional<String> secret(String key) {
        Password password = config.getPassword(key);
        return password == null || password.value() == null || password.value().isBlank()
                ? Optional.empty() : Optional.of(password.value().trim());
    }
}
