package io.relaysms.api.numbers;

import io.relaysms.config.numbers.SenderAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recipient numbers as clients spelled them, parsed to E.164 by libphonenumber once and then remembered: parsing and
 * validating a number against the metadata costs more than everything else the API does for a recipient, and
 * traffic repeats its recipients (verification codes, reminders, the same list in bulk). Only valid numbers are
 * remembered, at most {@code maxEntries} of them; when the table is full it starts over, which costs a re-parse,
 * never a wrong answer. Thread-safe.
 */
public final class RecipientNumbers {

    private final int maxEntries;
    private final ConcurrentHashMap<String, SenderAddress.Parsed> valid = new ConcurrentHashMap<>();

    public RecipientNumbers(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The same answer as {@link SenderAddress#e164(String)}. */
    public SenderAddress.Parsed e164(String input) {
        if (input == null) {
            return SenderAddress.e164(null);
        }
        SenderAddress.Parsed known = valid.get(input);
        if (known != null) {
            return known;
        }
        SenderAddress.Parsed parsed = SenderAddress.e164(input);
        if (parsed.isValid()) {
            if (valid.size() >= maxEntries) {
                valid.clear();
            }
            valid.put(input, parsed);
        }
        return parsed;
    }
}
