package io.relaysms.simulator.smpp;

import io.relaysms.simulator.codec.AddressForm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/** An SMPP address with its type of number and numbering plan, as they go on the wire. */
public record SmppAddress(String address, int ton, int npi) {

    private static final int TON_INTERNATIONAL = 1;
    private static final int TON_NETWORK_SPECIFIC = 3;
    private static final int TON_ALPHANUMERIC = 5;
    private static final int NPI_ISDN = 1;

    /**
     * The wire form of an address written the Relay way: an E.164 number goes without '+' as international
     * ISDN, a short code as network specific, anything else as alphanumeric.
     */
    public static SmppAddress of(String address) {
        String canonical = AddressForm.canonical(address);
        if (canonical.startsWith("+")) {
            return new SmppAddress(canonical.substring(1), TON_INTERNATIONAL, NPI_ISDN);
        }
        if (!canonical.isEmpty() && canonical.chars().allMatch(Character::isDigit)) {
            return new SmppAddress(canonical, TON_NETWORK_SPECIFIC, NPI_ISDN);
        }
        return new SmppAddress(canonical, TON_ALPHANUMERIC, 0);
    }

    public TypeOfNumber typeOfNumber() {
        try {
            return TypeOfNumber.valueOf((byte) ton);
        } catch (IllegalArgumentException e) {
            return TypeOfNumber.UNKNOWN;
        }
    }

    public NumberingPlanIndicator numberingPlan() {
        try {
            return NumberingPlanIndicator.valueOf((byte) npi);
        } catch (IllegalArgumentException e) {
            return NumberingPlanIndicator.UNKNOWN;
        }
    }
}
