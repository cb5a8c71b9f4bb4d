package io.relaysms.tracker.inbound;

import java.util.Arrays;

/**
 * A growing sequence of GSM septets, filled from short_message bodies in either {@link Gsm7Packing}. Parts of one
 * message are appended in order and decoded together, so an escape sequence split across two parts still reads.
 */
final class Septets {

    private int[] values = new int[160];
    private int length;

    void appendUnpacked(byte[] body) {
        for (byte b : body) {
            add(b & 0x7F);
        }
    }

    /**
     * Appends septets packed 8 into 7 octets (least significant bit first), after {@code fillBits} bits of padding.
     * When the last octet leaves exactly seven spare bits they are padding, not an '@' (TS 23.038 6.1.2.3.1).
     */
    void appendPacked(byte[] body, int fillBits) {
        int bits = body.length * 8 - fillBits;
        int count = Math.max(0, bits / 7);
        int start = length;
        for (int i = 0; i < count; i++) {
            int bit = fillBits + 7 * i;
            int index = bit / 8;
            int shift = bit % 8;
            int value = (body[index] & 0xFF) >> shift;
            if (shift > 1 && index + 1 < body.length) {
                value |= (body[index + 1] & 0xFF) << (8 - shift);
            }
            add(value & 0x7F);
        }
        if (count > 0 && bits % 7 == 0 && length > start && values[length - 1] == 0) {
            length--;
        }
    }

    /** Fill bits after a user data header of {@code headerOctets} octets (UDHL included) to the next septet boundary. */
    static int fillBitsAfterHeader(int headerOctets) {
        return (7 - (headerOctets * 8) % 7) % 7;
    }

    String decode() {
        return Gsm7Alphabet.decode(values, length);
    }

    boolean isEmpty() {
        return length == 0;
    }

    private void add(int septet) {
        if (length == values.length) {
            values = Arrays.copyOf(values, length * 2);
        }
        values[length++] = septet;
    }
}
