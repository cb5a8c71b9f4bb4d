package io.relaysms.api.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Parses RFC 1123 dates ({@code Fri, 27 Nov 2026 08:21:17 GMT}) as ACS clients send them in {@code x-ms-date} and
 * {@code repeatabilityFirstSent}, remembering the last text parsed: requests arriving in the same second carry the
 * same text, and the formatter is the costliest step of checking a request. Thread-safe.
 */
public final class Rfc1123Dates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

    private record Parsed(String text, Optional<Instant> instant) {
    }

    private final AtomicReference<Parsed> last = new AtomicReference<>(new Parsed("", Optional.empty()));

    /** The instant, or empty when the text is not an RFC 1123 date. */
    public Optional<Instant> parse(String text) {
        Parsed remembered = last.get();
        if (remembered.text().equals(text)) {
            return remembered.instant();
        }
        Optional<Instant> instant;
        try {
            instant = Optional.of(ZonedDateTime.parse(text.trim(), FORMAT).toInstant());
        } catch (DateTimeParseException e) {
            instant = Optional.empty();
        }
        last.set(new Parsed(text, instant));
        return instant;
    }
}
