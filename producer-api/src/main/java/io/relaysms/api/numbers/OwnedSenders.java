package io.relaysms.api.numbers;

import io.relaysms.api.http.ApiException;
import io.relaysms.config.numbers.NumberDirectory;
import io.relaysms.config.numbers.OwnedNumber;
import io.relaysms.config.numbers.SenderAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code from} rule of every endpoint: a sender must be spelled as ACS allows (E.164, a short code, or an
 * alphanumeric sender id), else 400 on the field; and it must be one of this deployment's configured numbers, else
 * 401 as the real service answers an unowned number (recorded 2021), with a body that says which numbers exist.
 */
public final class OwnedSenders {

    /** Spellings of owned senders remembered; a client uses one or two, so this is only a guard against many. */
    private static final int MAX_REMEMBERED_SPELLINGS = 10_000;

    private final NumberDirectory numbers;
    /**
     * Owned senders by the exact text clients send as {@code from}: every request names its sender, and parsing the
     * text twice (format, then lookup) with libphonenumber was a large share of a small request's cost.
     */
    private final ConcurrentHashMap<String, OwnedNumber> bySpelling = new ConcurrentHashMap<>();

    public OwnedSenders(NumberDirectory numbers) {
        this.numbers = numbers;
    }

    public OwnedNumber require(String from) {
        OwnedNumber known = from == null ? null : bySpelling.get(from);
        if (known != null) {
            return known;
        }
        OwnedNumber owned = lookUp(from);
        if (bySpelling.size() < MAX_REMEMBERED_SPELLINGS) {
            bySpelling.put(from, owned);
        }
        return owned;
    }

    private OwnedNumber lookUp(String from) {
        SenderAddress.Parsed parsed = SenderAddress.sender(from);
        if (!parsed.isValid()) {
            throw ApiException.invalidField("from", "Invalid From phone number format: " + parsed.problem() + ".");
        }
        return numbers.lookup(from).orElseThrow(() -> ApiException.senderNotOwned("The sender '" + from + "' is not a "
                + "number of this deployment (configure numbers." + parsed.canonical().orElseThrow() + ".type and .route), "
                + "so it cannot be used. Configured senders: " + numbers.all().stream().map(OwnedNumber::number).toList() + "."));
    }
}
