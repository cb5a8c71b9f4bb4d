package io.relaysms.connect;

import java.util.Locale;

/** How an Avro field name becomes a Connect field (and so a column) name. */
enum FieldNaming {

    /** {@code messageId} → {@code message_id}, {@code receiptLatencyP50Millis} → {@code receipt_latency_p50_millis}. */
    SNAKE_CASE {
        @Override
        String apply(String avroName) {
            StringBuilder out = new StringBuilder(avroName.length() + 8);
            for (int i = 0; i < avroName.length(); i++) {
                char c = avroName.charAt(i);
                // A capital starts a new word unless it continues an acronym that is not followed by lower case.
                if (Character.isUpperCase(c) && i > 0 && startsWord(avroName, i)) {
                    out.append('_');
                }
                out.append(c);
            }
            return out.toString().toLowerCase(Locale.ROOT);
        }
    },

    AS_IN_SCHEMA {
        @Override
        String apply(String avroName) {
            return avroName;
        }
    };

    abstract String apply(String avroName);

    private static boolean startsWord(String name, int i) {
        char before = name.charAt(i - 1);
        boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        return !Character.isUpperCase(before) || nextIsLower;
    }
}
