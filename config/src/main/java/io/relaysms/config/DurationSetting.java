package io.relaysms.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A duration written the way people write them: a number and a unit ({@code 500ms}, {@code 30s}, {@code 10m},
 * {@code 72h}, {@code 7d}) or ISO-8601 ({@code PT72H}). A bare number is refused, because whether it meant seconds
 * or milliseconds is exactly the mistake a unit prevents.
 */
public final class DurationSetting implements ConfigDef.Validator {

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Duration minimum;

    private DurationSetting(Duration minimum) {
        this.minimum = minimum;
    }

    /** A validator that also refuses values below {@code minimum}. */
    public static DurationSetting atLeast(Duration minimum) {
        return new DurationSetting(minimum);
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = WITH_UNIT.matcher(t);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 500ms, 30s, 10m, 72h, 7d or PT72H");
        }
    }

    /** As configuration spells durations ({@code 30s}, {@code 2m}, {@code 1500ms}), for messages; not ISO's PT30S. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis > 0 && millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis > 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis > 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        Duration duration;
        try {
            duration = parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
        if (duration.compareTo(minimum) < 0) {
            throw new ConfigException(name, value, "must be at least " + minimum);
        }
    }

    @Override
    public String toString() {
        return "a duration such as 30s, 10m, 72h or PT72H, at least " + minimum;
    }
}
