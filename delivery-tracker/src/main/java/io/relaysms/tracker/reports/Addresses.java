package io.relaysms.tracker.reports;

import java.util.Locale;

/**
 * Whether two spellings of an address can be the same party. Receipts carry the handset and our number as the
 * carrier's SMSC wrote them ({@code 15550001111}, {@code +15550001111}, national {@code 5550001111}), so phone
 * numbers agree when their digits are equal or one ends with the other (at least {@value #MIN_SUFFIX} digits);
 * anything else (alphanumeric senders) agrees when equal ignoring case. A missing address agrees with everything:
 * it is no evidence either way.
 */
final class Addresses {

    private static final int MIN_SUFFIX = 7;

    private Addresses() {
    }

    static boolean agree(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return true;
        }
        String da = digits(a);
        String db = digits(b);
        if (da != null && db != null) {
            String longer = da.length() >= db.length() ? da : db;
            String shorter = longer == da ? db : da;
            return longer.equals(shorter) || (shorter.length() >= MIN_SUFFIX && longer.endsWith(shorter));
        }
        return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }

    /** The digits of a phone number written with +, spaces, dashes or dots; null when it is not one. */
    private static String digits(String address) {
        StringBuilder digits = new StringBuilder();
        for (char c : address.trim().toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c != '+' && c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }
}
