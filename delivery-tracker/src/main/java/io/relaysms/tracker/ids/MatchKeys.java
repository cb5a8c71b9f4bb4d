package io.relaysms.tracker.ids;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns carrier message ids into the keys they are matched by, as each carrier route is configured.
 *
 * <ul>
 *   <li>{@code hex}, {@code decimal}: the id is read as a number in that radix ({@code n:<value>}), so
 *       {@code 0000ABCDEF}, {@code abcdef} and {@code 11259375} (decimal) are one key. An id that is not a number
 *       in its radix falls back to its text key.</li>
 *   <li>{@code text}: case and leading zeros are ignored ({@code t:<text>}).</li>
 *   <li>{@code auto}: the text key, plus the id read as hex and as decimal when it can be (both guesses).</li>
 * </ul>
 *
 * <p>Partitioning: with both formats of a route configured an id has exactly one key, so submissions and receipts
 * are partitioned by {@code <carrier>|<key>} and spread over every partition. With a format left on {@code auto},
 * an id's keys would land on different partitions, so all of that carrier's ids are partitioned by the carrier id
 * alone: correct, but one stream task does that carrier's matching.
 */
public final class MatchKeys {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,64}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,64}");

    private final CarrierIdFormats formats;

    public MatchKeys(CarrierIdFormats formats) {
        this.formats = formats;
    }

    /** Keys of an id as the carrier wrote it in submit_sm_resp. */
    public List<MatchKey> forSubmitted(String carrierId, String carrierMessageId) {
        return keys(formats.forCarrier(carrierId).submit(), carrierMessageId);
    }

    /** Keys of an id as the carrier wrote it in a delivery receipt. */
    public List<MatchKey> forReceipt(String carrierId, String carrierMessageId) {
        return keys(formats.forCarrier(carrierId).receipt(), carrierMessageId);
    }

    /** The partition key of a submission's id ({@code receipt=false}) or a receipt's id ({@code receipt=true}). */
    public String partitionKey(String carrierId, String carrierMessageId, boolean receipt) {
        if (!formats.forCarrier(carrierId).unambiguous()) {
            return carrierId;
        }
        List<MatchKey> keys = receipt ? forReceipt(carrierId, carrierMessageId) : forSubmitted(carrierId, carrierMessageId);
        return storeKey(carrierId, keys.get(0));
    }

    /** The key under which a match key of a carrier is stored. */
    public static String storeKey(String carrierId, MatchKey key) {
        return carrierId + "|" + key.value();
    }

    static List<MatchKey> keys(IdFormat format, String rawId) {
        String id = rawId.trim();
        List<MatchKey> keys = new ArrayList<>(3);
        switch (format) {
            case HEX -> keys.add(numberOrText(id, HEX, 16));
            case DECIMAL -> keys.add(numberOrText(id, DECIMAL, 10));
            case TEXT -> keys.add(text(id));
            case AUTO -> {
                keys.add(text(id));
                if (HEX.matcher(id).matches()) {
                    keys.add(new MatchKey(number(id, 16), true));
                }
                if (DECIMAL.matcher(id).matches()) {
                    MatchKey decimal = new MatchKey(number(id, 10), true);
                    if (!keys.contains(decimal)) {
                        keys.add(decimal);
                    }
                }
            }
        }
        return keys;
    }

    private static MatchKey numberOrText(String id, Pattern digits, int radix) {
        return digits.matcher(id).matches() ? new MatchKey(number(id, radix), false) : text(id);
    }

    private static String number(String id, int radix) {
        return "n:" + new BigInteger(id, radix);
    }

    private static MatchKey text(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < lower.length() - 1 && lower.charAt(start) == '0') {
            start++;
        }
        return new MatchKey("t:" + lower.substring(start), false);
    }
}
