package io.relaysms.dispatcher.segment;

/**
 * The concatenation user data header of 3GPP TS 23.040 9.2.3.24.1 (information element 0x00, 8-bit
 * reference): {@code 05 00 03 ref total seq}, put before a part's user data when esm_class has UDHI (0x40).
 */
public final class Udh {

    public static final byte UDHI = 0x40;

    private Udh() {
    }

    /** The part's user data with the header in front; {@code sequence} is 1-based. */
    public static byte[] prepend(byte[] userData, int reference, int total, int sequence) {
        byte[] out = new byte[6 + userData.length];
        out[0] = 0x05;
        out[1] = 0x00;
        out[2] = 0x03;
        out[3] = (byte) reference;
        out[4] = (byte) total;
        out[5] = (byte) sequence;
        System.arraycopy(userData, 0, out, 6, userData.length);
        return out;
    }
}
