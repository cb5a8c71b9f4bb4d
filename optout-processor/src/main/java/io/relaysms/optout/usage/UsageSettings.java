package io.relaysms.optout.usage;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The {@code usage.*} keys: how late an event may be and still count in its window, and how long windows stay
 * queryable over HTTP (the compacted output topics keep every window regardless).
 */
public record UsageSettings(Duration grace, Duration hourlyRetention, Duration dailyRetention) {

    public static final String NAMESPACE = "usage";
    public static final String GRACE = "usage.grace.ms";
    public static final String HOURLY_RETENTION = "usage.hourly.retention.ms";
    public static final String DAILY_RETENTION = "usage.daily.retention.ms";

    public static ConfigDef definition() {
        return new ConfigDef()
                .define(GRACE, Type.LONG, Duration.ofHours(1).toMillis(), Range.atLeast(0), Importance.MEDIUM,
                        "An event up to this many milliseconds later than the newest one seen still updates its window "
                                + "(a delivery receipt that took an hour); a later one is dropped and counted in the "
                                + "Kafka Streams dropped-records metric.")
                .define(HOURLY_RETENTION, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(1), Importance.LOW,
                        "How long hourly windows stay queryable over HTTP, in milliseconds.")
                .define(DAILY_RETENTION, Type.LONG, Duration.ofDays(62).toMillis(), Range.atLeast(1), Importance.LOW,
                        "How long daily windows stay queryable over HTTP, in milliseconds.");
    }

    public static UsageSettings from(RelaySettings settings) {
        ServiceConfig config = new ServiceConfig(NAMESPACE, definition(), settings);
        UsageSettings usage = new UsageSettings(Duration.ofMillis(config.getLong(GRACE)),
                Duration.ofMillis(config.getLong(HOURLY_RETENTION)), Duration.ofMillis(config.getLong(DAILY_RETENTION)));
        List<String> problems = new ArrayList<>();
        if (usage.hourlyRetention.compareTo(Duration.ofHours(1).plus(usage.grace)) < 0) {
            problems.add(HOURLY_RETENTION + ": must be at least one hour plus " + GRACE);
        }
        if (usage.dailyRetention.compareTo(Duration.ofDays(1).plus(usage.grace)) < 0) {
            problems.add(DAILY_RETENTION + ": must be at least one day plus " + GRACE);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return usage;
    }
}
