package io.relaysms.dispatcher.smpp;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard delivery receipt text of SMPP 3.4 Appendix B,
 * {@code id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...},
 * read leniently: fields in any order and case, missing fields absent, dates with or without seconds (UTC).
 */
public record ReceiptText(Map<String, String> fields) {

    private static final Pattern KEY = Pattern.compile("(?i)(?:^|\\s)(id|sub|dlvrd|submit date|done date|stat|err|text):");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    public static ReceiptText parse(String text) {
        Map<String, String> fields = new HashMap<>();
        if (text == null) {
            return new ReceiptText(fields);
        }
        Matcher m = KEY.matcher(text);
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) {
                fields.put(key, text.substring(valueStart, m.start()).trim());
            }
            key = m.group(1).toLowerCase(Locale.ROOT);
            valueStart = m.end();
            if (key.equals("text")) {
                break;
            }
        }
        if (key != null) {
            fields.put(key, text.substring(valueStart).trim());
        }
        return new ReceiptText(fields);
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !v.isEmpty());
    }

    public Optional<String> id() {
        return field("id");
    }

    public Optional<String> stat() {
        return field("stat").map(s -> s.toUpperCase(Locale.ROOT));
    }

    public Optional<String> err() {
        return field("err");
    }

    /** A receipt date as epoch milliseconds, UTC; empty when absent or unreadable. */
    public Optional<Long> date(String name) {
        return field(name).flatMap(ReceiptText::parseDate);
    }

    private static Optional<Long> parseDate(String value) {
        try {
            DateTimeFormatter format = value.length() >= 12 ? SECONDS : MINUTES;
            String digits = value.length() >= 12 ? value.substring(0, 12) : value;
            return Optional.of(LocalDateTime.parse(digits, format).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
