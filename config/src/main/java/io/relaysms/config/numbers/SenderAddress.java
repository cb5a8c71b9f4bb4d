package io.relaysms.config.numbers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The three spellings a sender or recipient can have, as ACS accepts them: an E.164 number, a short code
 * (5 or 6 digits, no '+') or an alphanumeric sender id (at most 11 of A-Z a-z 0-9 and space, one letter
 * at least). Parsing returns the canonical spelling or a reason a person can act on.
 */
public final class SenderAddress {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    private static final Pattern SHORT_CODE = Pattern.compile("\\d{5,6}");
    private static final Pattern ALPHANUMERIC = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");

    private SenderAddress() {
    }

    /** Result of parsing: the canonical form, or why the input is not one. */
    public record Parsed(Optional<String> canonical, String problem) {
        static Parsed ok(String canonical) {
            return new Parsed(Optional.of(canonical), null);
        }

        static Parsed bad(String problem) {
            return new Parsed(Optional.empty(), problem);
        }

        public boolean isValid() {
            return canonical.isPresent();
        }
    }

    /** A phone number in E.164 form (leading '+', country code), valid by libphonenumber's metadata. */
    public static Parsed e164(String input) {
        if (input == null || input.isBlank()) {
            return Parsed.bad("a phone number is required");
        }
        String trimmed = input.trim();
        if (!trimmed.startsWith("+")) {
            return Parsed.bad("'" + trimmed + "' is not in E.164 format (it must start with + and the country code)");
        }
        try {
            PhoneNumber number = PHONE_NUMBERS.parse(trimmed, "ZZ");
            if (!PHONE_NUMBERS.isValidNumber(number)) {
                return Parsed.bad("'" + trimmed + "' is not a valid phone number");
            }
            return Parsed.ok(PHONE_NUMBERS.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Parsed.bad("'" + trimmed + "' is not a phone number: " + e.getMessage());
        }
    }

    /** The region (ISO 3166 code) of an E.164 number, "ZZ" when unknown. */
    public static String regionOf(String e164) {
        try {
            String region = PHONE_NUMBERS.getRegionCodeForNumber(PHONE_NUMBERS.parse(e164, "ZZ"));
            return region == null ? "ZZ" : region;
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }

    public static boolean isShortCode(String input) {
        return input != null && SHORT_CODE.matcher(input.trim()).matches();
    }

    public static boolean isAlphanumericSender(String input) {
        return input != null && ALPHANUMERIC.matcher(input).matches() && !input.isBlank();
    }

    /** A sender in any of the three spellings, as given in a send request's {@code from}. */
    public static Parsed sender(String input) {
        if (input == null || input.isBlank()) {
            return Parsed.bad("a sender is required");
        }
        String trimmed = input.trim();
        if (trimmed.startsWith("+")) {
            return e164(trimmed);
        }
        if (isShortCode(trimmed)) {
            return Parsed.ok(trimmed);
        }
        if (isAlphanumericSender(trimmed)) {
            return Parsed.ok(trimmed);
        }
        return Parsed.bad("'" + trimmed + "' is neither an E.164 number, a 5-6 digit short code nor an alphanumeric "
                + "sender id of at most 11 letters, digits and spaces");
    }
}
