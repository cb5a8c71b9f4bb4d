package io.relaysms.api.numbers;

import io.relaysms.config.numbers.RememberedParses;
import io.relaysms.config.numbers.SenderAddress;

/**
 * Recipient numbers as clients spelled them, parsed to E.164 by libphonenumber once and then remembered
 * ({@link RememberedParses}). Only valid numbers are remembered, at most {@code maxEntries} of them, so that a client
 * sending junk cannot push the real numbers out. Thread-safe.
 */
public final class RecipientNumbers {

    private final RememberedParses<SenderAddress.Parsed> valid;

    public RecipientNumbers(int maxEntries) {
        this.valid = new RememberedParses<>(maxEntries, SenderAddress::e164, SenderAddress.Parsed::isValid);
    }

    /** The same answer as {@link SenderAddress#e164(String)}. */
    public SenderAddress.Parsed e164(String input) {
        return valid.get(input);
    }
}
