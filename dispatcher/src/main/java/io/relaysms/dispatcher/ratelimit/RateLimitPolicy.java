package io.relaysms.dispatcher.ratelimit;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.numbers.NumberDirectory;
import io.relaysms.config.numbers.NumberType;
import io.relaysms.config.numbers.OwnedNumber;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which limit applies to a sending number: {@code numbers.<number>.rate-limit.per-minute} / {@code .burst} when
 * set, else {@code number-types.<type>.rate-limit.per-minute} / {@code .burst}, else the built-in defaults
 * from the public facts: toll-free 200/min (ACS), short code 6,000/min, long code (10DLC) 60/min,
 * alphanumeric 600/min. A default burst is one second's worth, at least 1.
 */
public final class RateLimitPolicy {

    public static final String PER_MINUTE = NumberDirectory.RATE_LIMIT_PER_MINUTE;
    public static final String BURST = NumberDirectory.RATE_LIMIT_BURST;

    private static final Map<NumberType, Double> BUILT_IN = Map.of(
            NumberType.TOLL_FREE, 200.0,
            NumberType.SHORT_CODE, 6000.0,
            NumberType.LONG_CODE, 60.0,
            NumberType.ALPHANUMERIC, 600.0);

    private final Map<NumberType, RateLimit> byType;

    private RateLimitPolicy(Map<NumberType, RateLimit> byType) {
        this.byType = byType;
    }

    /**
     * Reads the {@code number-types.*} family (keys without the prefix, e.g. {@code toll-free.rate-limit.burst})
     * and checks every number's overrides, listing every bad value at once.
     */
    public static RateLimitPolicy from(Map<String, String> numberTypeSettings, Iterable<OwnedNumber> numbers) {
        List<String> problems = new ArrayList<>();
        Map<NumberType, RateLimit> byType = new EnumMap<>(NumberType.class);
        for (NumberType type : NumberType.values()) {
            String prefix = "number-types." + type.configName() + ".";
            double perMinute = number(numberTypeSettings.get(type.configName() + "." + PER_MINUTE), prefix + PER_MINUTE,
                    problems).orElse(BUILT_IN.get(type));
            long burst = number(numberTypeSettings.get(type.configName() + "." + BURST), prefix + BURST, problems)
                    .map(Math::round).orElse(defaultBurst(perMinute));
            add(byType, type, perMinute, burst, prefix, problems);
        }
        for (String key : numberTypeSettings.keySet()) {
            int dot = key.indexOf('.');
            if (dot < 0 && NumberType.fromConfigName(key).isPresent()) {
                problems.add("number-types." + key + ": give the type's " + PER_MINUTE + " and/or " + BURST + " under it");
            } else if (dot < 0 || NumberType.fromConfigName(key.substring(0, dot)).isEmpty()) {
                problems.add("number-types." + key + ": unknown number type");
            } else if (!Set.of(PER_MINUTE, BURST).contains(key.substring(dot + 1))) {
                problems.add("number-types." + key + ": unknown attribute (known: " + PER_MINUTE + ", " + BURST + ")");
            }
        }
        RateLimitPolicy policy = new RateLimitPolicy(byType);
        for (OwnedNumber number : numbers) {
            try {
                policy.limitFor(number);
            } catch (IllegalArgumentException e) {
                problems.add("numbers." + number.number() + ".rate-limit: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return policy;
    }

    public static RateLimitPolicy defaults() {
        return from(Map.of(), List.of());
    }

    public RateLimit limitFor(OwnedNumber number) {
        RateLimit typeLimit = byType.get(number.type());
        Optional<Double> perMinute = number.attribute(PER_MINUTE).map(v -> parse(v, PER_MINUTE));
        Optional<Long> burst = number.attribute(BURST).map(v -> Math.round(parse(v, BURST)));
        if (perMinute.isEmpty() && burst.isEmpty()) {
            return typeLimit;
        }
        double rate = perMinute.orElse(typeLimit.perMinute());
        return new RateLimit(rate, burst.orElse(perMinute.isPresent() ? defaultBurst(rate) : typeLimit.burst()));
    }

    public RateLimit limitFor(NumberType type) {
        return byType.get(type);
    }

    private static long defaultBurst(double perMinute) {
        return Math.max(1, (long) Math.ceil(perMinute / 60.0));
    }

    private static void add(Map<NumberType, RateLimit> byType, NumberType type, double perMinute, long burst, String where,
                            List<String> problems) {
        try {
            byType.put(type, new RateLimit(perMinute, burst));
        } catch (IllegalArgumentException e) {
            problems.add(where + "rate-limit: " + e.getMessage());
            byType.put(type, new RateLimit(BUILT_IN.get(type), defaultBurst(BUILT_IN.get(type))));
        }
    }

    private static Optional<Double> number(String value, String key, List<String> problems) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(value, key));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static double parse(String value, String key) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!(parsed > 0) || Double.isInfinite(parsed)) {
                throw new IllegalArgumentException(key + " must be a positive number (was '" + value + "')");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number (was '" + value + "')");
        }
    }
}
