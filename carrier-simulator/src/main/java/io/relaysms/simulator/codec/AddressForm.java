package io.relaysms.simulator.codec;

/**
 * One spelling for addresses that peers write differently: SMPP clients send E.164 numbers with or without
 * the '+' (the TON says which), configuration and the admin API write them with it. Numeric addresses of 7
 * digits or more become {@code +<digits>}; short codes and alphanumeric senders stay as they are.
 */
public final class AddressForm {

    private AddressForm() {
    }

    public static String canonical(String address) {
        if (address == null) {
            return "";
        }
        String trimmed = address.trim();
        String digits = trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
        if (digits.length() >= 7 && digits.chars().allMatch(Character::isDigit)) {
            return "+" + digits;
        }
        return trimmed;
    }

    /** The address as SMPP carries an international number: digits only, no '+'. */
    public static String withoutPlus(String address) {
        String canonical = canonical(address);
        return canonical.startsWith("+") ? canonical.substring(1) : canonical;
    }

    public static boolean isInternational(String address) {
        return canonical(address).startsWith("+");
    }
}
