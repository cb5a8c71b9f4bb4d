package io.relaysms.simulator.ids;

import java.util.List;
import java.util.Locale;

/**
 * How a carrier spells its message ids. Carriers differ (hex or decimal, upper or lower case, zero padded or
 * not) and some spell the same id differently in submit_sm_resp and in the receipt text, so one numeric id is
 * rendered by a format rather than stored as a string.
 */
public record MessageIdFormat(Radix radix, boolean upperCase, int width) {

    /** Longest message_id SMPP 3.4 allows (a C-octet string of 65 including the NUL). */
    public static final int MAX_WIDTH = 64;

    public enum Radix {
        HEX(16), DECIMAL(10);

        private final int value;

        Radix(int value) {
            this.value = value;
        }
    }

    public MessageIdFormat {
        if (width < 0 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("message id width must be between 0 and " + MAX_WIDTH + ", was " + width);
        }
    }

    public static final MessageIdFormat LOWER_HEX = new MessageIdFormat(Radix.HEX, false, 0);

    public String render(long id) {
        String digits = Long.toUnsignedString(id, radix.value);
        digits = upperCase ? digits.toUpperCase(Locale.ROOT) : digits;
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /**
     * Reads a format from its three settings; an empty or "same" setting takes the value of {@code base}.
     * Problems are added to {@code problems} under the given key prefix.
     */
    public static MessageIdFormat parse(String keyPrefix, String format, String letterCase, String width,
                                        MessageIdFormat base, List<String> problems) {
        Radix radix = base.radix();
        String f = normalised(format);
        if (!f.isEmpty()) {
            switch (f) {
                case "hex" -> radix = Radix.HEX;
                case "decimal" -> radix = Radix.DECIMAL;
                default -> problems.add(keyPrefix + "format: must be hex or decimal (was '" + format + "')");
            }
        }
        boolean upper = base.upperCase();
        String c = normalised(letterCase);
        if (!c.isEmpty()) {
            switch (c) {
                case "upper" -> upper = true;
                case "lower" -> upper = false;
                default -> problems.add(keyPrefix + "case: must be upper or lower (was '" + letterCase + "')");
            }
        }
        int w = base.width();
        String wd = normalised(width);
        if (!wd.isEmpty()) {
            try {
                w = Integer.parseInt(wd);
                if (w < 0 || w > MAX_WIDTH) {
                    problems.add(keyPrefix + "width: must be between 0 and " + MAX_WIDTH + " (was " + w + ")");
                    w = base.width();
                }
            } catch (NumberFormatException e) {
                problems.add(keyPrefix + "width: must be a number (was '" + width + "')");
            }
        }
        return new MessageIdFormat(radix, upper, w);
    }

    private static String normalised(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return v.equals("same") ? "" : v;
    }
}
