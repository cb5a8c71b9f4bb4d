package io.relaysms.config.numbers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of sender a deployment can own; each has its own carrier rules and default rate limit. */
public enum NumberType {
    TOLL_FREE("toll-free"),
    SHORT_CODE("short-code"),
    LONG_CODE("long-code"),
    ALPHANUMERIC("alphanumeric");

    private final String configName;

    NumberType(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Accepts the config names and {@code 10dlc} as a synonym of {@code long-code}. */
    public static Optional<NumberType> fromConfigName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("10dlc")) {
            return Optional.of(LONG_CODE);
        }
        return Arrays.stream(values()).filter(t -> t.configName.equals(n)).findFirst();
    }
}
