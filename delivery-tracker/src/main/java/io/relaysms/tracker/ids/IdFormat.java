package io.relaysms.tracker.ids;

import java.util.Locale;
import java.util.Optional;

/**
 * How a carrier spells a message id: {@code hex} or {@code decimal} digits (case and leading zeros do not matter),
 * {@code text} (compared without regard to case or leading zeros), or {@code auto}: not known, so every sensible
 * reading is tried (see {@link MatchKeys}).
 */
public enum IdFormat {
    HEX, DECIMAL, TEXT, AUTO;

    /** The attribute value that selects this format. */
    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdFormat> parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (IdFormat format : values()) {
            if (format.name().equals(t)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
