package io.relaysms.optout;

import io.relaysms.config.BindAddress;
import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import io.relaysms.config.numbers.OwnedNumber;
import io.relaysms.optout.autoreply.AutoReplySettings;
import io.relaysms.optout.autoreply.ReplyRules;
import io.relaysms.optout.keywords.KeywordRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The {@code optout.*} keys of the opt-out processor (HTTP, Streams, keywords, automatic replies) and the
 * {@code numbers.<number>.optout.*} attributes, validated together: start-up fails listing every problem,
 * including an unknown {@code optout.*} attribute on a number (a typo would otherwise silently keep a default).
 */
public final class OptOutSettings {

    public static final String NAMESPACE = "optout";
    public static final String HTTP_HOST = "optout.http.host";
    public static final String HTTP_PORT = "optout.http.port";
    /** Every port this service listens on, for the advice when one is taken. */
    public static final List<String> PORTS = List.of(HTTP_PORT);
    public static final String ADVERTISED_HOST = "optout.http.advertised-host";
    public static final String APPLICATION_ID = "optout.streams.application.id";
    public static final String STATE_DIR = "optout.streams.state.dir";
    public static final String THREADS = "optout.streams.threads";
    public static final String STARTUP_TIMEOUT = "optout.startup.timeout.ms";

    private final ServiceConfig config;
    private final KeywordRules keywords;
    private final ReplyRules replies;
    private final AutoReplySettings autoReplies;

    private OptOutSettings(ServiceConfig config, KeywordRules keywords, ReplyRules replies, AutoReplySettings autoReplies) {
        this.config = config;
        this.keywords = keywords;
        this.replies = replies;
        this.autoReplies = autoReplies;
    }

    public static ConfigDef definition() {
        ConfigDef definition = new ConfigDef()
                .define(HTTP_HOST, Type.STRING, "0.0.0.0", BindAddress.LOCAL, Importance.MEDIUM, "Address the HTTP server (queries, /health, /metrics) binds.")
                .define(HTTP_PORT, Type.INT, 8084, Range.between(0, 65_535), Importance.HIGH,
                        "Port of the HTTP server; 0 picks a free one.")
                .define(ADVERTISED_HOST, Type.STRING, "localhost", Importance.MEDIUM,
                        "Host name other instances use to reach this one's HTTP server: a query for a pair or number "
                                + "held by another instance is redirected there (Kafka Streams application.server).")
                .define(APPLICATION_ID, Type.STRING, "relay-optout-processor", Importance.MEDIUM,
                        "Kafka Streams application id (prefixed with topics.prefix); instances sharing it share the work.")
                .define(STATE_DIR, Type.STRING, "", Importance.MEDIUM,
                        "Where the local state stores live; empty: Kafka Streams' default under the temporary directory. "
                                + "A persistent folder makes restarts quick (no restore from the changelogs).")
                .define(THREADS, Type.INT, 1, Range.atLeast(1), Importance.LOW, "Kafka Streams threads.")
                .define(STARTUP_TIMEOUT, Type.LONG, 120_000L, Range.atLeast(1_000), Importance.LOW,
                        "How long start-up may wait for topics and for the Streams application to run, in milliseconds.");
        KeywordRules.define(definition);
        ReplyRules.define(definition);
        AutoReplySettings.define(definition);
        return definition;
    }

    public static OptOutSettings from(RelaySettings settings) {
        ServiceConfig config = new ServiceConfig(NAMESPACE, definition(), settings);
        List<String> problems = new ArrayList<>();
        KeywordRules keywords = KeywordRules.from(config, problems);
        ReplyRules replies = ReplyRules.from(config, problems);
        checkNumberAttributes(config, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new OptOutSettings(config, keywords, replies, AutoReplySettings.from(config));
    }

    private static void checkNumberAttributes(ServiceConfig config, List<String> problems) {
        Set<String> known = new TreeSet<>(KeywordRules.numberAttributes());
        known.addAll(ReplyRules.numberAttributes());
        for (OwnedNumber number : config.numbers().all()) {
            number.attributes().keySet().stream()
                    .filter(name -> name.startsWith(NAMESPACE + ".") && !known.contains(name))
                    .forEach(name -> problems.add("numbers." + number.number() + "." + name + ": unknown opt-out attribute (known: "
                            + known + ")"));
        }
    }

    public ServiceConfig config() {
        return config;
    }

    public KeywordRules keywords() {
        return keywords;
    }

    public ReplyRules replies() {
        return replies;
    }

    public AutoReplySettings autoReplies() {
        return autoReplies;
    }

    public String httpHost() {
        return config.getString(HTTP_HOST);
    }

    public int httpPort() {
        return config.getInt(HTTP_PORT);
    }

    public String advertisedHost() {
        return config.getString(ADVERTISED_HOST);
    }

    public String applicationId() {
        return config.getString(APPLICATION_ID);
    }

    public String stateDir() {
        return config.getString(STATE_DIR);
    }

    public int threads() {
        return config.getInt(THREADS);
    }

    public Duration startupTimeout() {
        return Duration.ofMillis(config.getLong(STARTUP_TIMEOUT));
    }
}
