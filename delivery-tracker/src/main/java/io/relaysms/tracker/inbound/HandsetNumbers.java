package io.relaysms.tracker.inbound;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.relaysms.config.numbers.SenderAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The handset's number of an inbound message in E.164, as ACS's {@code SMSReceived.from} is. SMSCs send the source
 * address as they please: E.164, international without the '+' ({@code 447700900123}), with the international
 * prefix ({@code 00447700900123}) or in the national format of the country of our number ({@code 07700 900123} to a
 * +44 number). A number is read in the country of our number first, then as international without the '+'; what is
 * no valid phone number either way (short codes, alphanumeric senders) is kept as the carrier sent it, trimmed.
 */
final class HandsetNumbers {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    private static final Pattern DIGITS = Pattern.compile("\\d{7,15}");

    private HandsetNumbers() {
    }

    /** {@code from} in E.164 when it is a valid phone number, read in the country of {@code ourNumber}. */
    static String e164(String from, String ourNumber) {
        String trimmed = from.trim();
        if (trimmed.startsWith("+")) {
            return SenderAddress.e164(trimmed).canonical().orElse(trimmed);
        }
        String region = SenderAddress.regionOf(ourNumber);
        Optional<String> national = "ZZ".equals(region) ? Optional.empty() : valid(trimmed, region);
        if (national.isPresent()) {
            return national.get();
        }
        String digits = trimmed.replaceAll("[\\s().-]", "");
        if (DIGITS.matcher(digits).matches()) {
            return SenderAddress.e164("+" + digits).canonical().orElse(trimmed);
        }
        return trimmed;
    }

    private static Optional<String> valid(String number, String region) {
        try {
            PhoneNumber parsed = PHONE_NUMBERS.parse(number, region);
            return PHONE_NUMBERS.isValidNumber(parsed) ? Optional.of(PHONE_NUMBERS.format(parsed, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
