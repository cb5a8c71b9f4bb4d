package io.relaysms.dispatcher.smpp;

import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/**
 * How Relay's addresses go on the SMPP wire and come back. An E.164 number goes as its digits with TON
 * international and NPI ISDN; a short code as its digits with TON network-specific; an alphanumeric sender id
 * as text with TON alphanumeric. Addresses arriving in deliver_sm are turned back into Relay's spelling: digits
 * of an international number, or of any number longer than a short code, get their '+'.
 */
public record SmppAddress(TypeOfNumber ton, NumberingPlanIndicator npi, String address) {

    public static SmppAddress of(String relayAddress) {
        if (relayAddress.startsWith("+")) {
            return new SmppAddress(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, relayAddress.substring(1));
        }
        if (relayAddress.chars().allMatch(Character::isDigit)) {
            return new SmppAddress(TypeOfNumber.NETWORK_SPECIFIC, NumberingPlanIndicator.UNKNOWN, relayAddress);
        }
        return new SmppAddress(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, relayAddress);
    }

    /** The Relay spelling of an address received from the carrier. */
    public static String toRelay(byte ton, String address) {
        if (address == null) {
            return "";
        }
        String trimmed = address.trim();
        if (trimmed.startsWith("+") || trimmed.isEmpty() || !trimmed.chars().allMatch(Character::isDigit)) {
            return trimmed;
        }
        if (ton == TypeOfNumber.INTERNATIONAL.value() || trimmed.length() > 6) {
            return "+" + trimmed;
        }
        return trimmed;
    }
}
