package io.relaysms.api.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A duration written the way people write them in a config file: ISO-8601 ({@code PT5H}, {@code PT0.5S}) or a
 * number with a unit ({@code 500ms}, {@code 30s}, {@code 15m}, {@code 5h}, {@code 1d}). Used as the validator of
 * STRING keys, so a bad value stops start-up with the key named.
 */
public final class DurationSetting implements ConfigDef.Validator {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Duration min;

    private DurationSetting(Duration min) {
        this.min = min;
    }

    /** A validator accepting durations of at least {@code min}. */
    public static DurationSetting atLeast(Duration min) {
        return new DurationSetting(min);
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (write e.g. 500ms, 30s, 15m, 5h or PT5H)");
        }
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            throw new ConfigException(name, null, "a duration is required");
        }
        Duration parsed;
        try {
            parsed = parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
        if (parsed.compareTo(min) < 0) {
            throw new ConfigException(name, value, "must be at least " + min);
        }
    }

    @Override
    public String toString() {
        return "a duration of at least " + min + " (500ms, 30s, 15m, 5h or ISO-8601)";
    }
}
