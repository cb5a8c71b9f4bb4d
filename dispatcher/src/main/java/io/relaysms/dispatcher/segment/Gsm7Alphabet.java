package io.relaysms.dispatcher.segment;

/**
 * The GSM 03.38 default alphabet and its extension table, as SMPP's data_coding 0 carries it: one septet per
 * byte, unpacked. A character of the extension table ({@code ^ { } \ [ ~ ] | €} and form feed) is written as
 * the escape septet 0x1B followed by its code, so it costs two septets of a segment's 160 (or 153).
 */
public final class Gsm7Alphabet {

    static final int ESCAPE = 0x1B;

    /** Index = septet value; the escape position holds a character no text can contain. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final int[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private static final short ABSENT = -1;
    private static final short EXTENDED = 0x100;

    /**
     * Indexed by UTF-16 char (128 KiB, one table per segmenter): the septet of a basic character, EXTENDED plus the
     * code of an extension character, or ABSENT. A lookup per character keeps segmenting off the profile.
     */
    private final short[] codes = new short[Character.MAX_VALUE + 1];

    public Gsm7Alphabet() {
        java.util.Arrays.fill(codes, ABSENT);
        for (int septet = 0; septet < BASIC.length(); septet++) {
            if (septet != ESCAPE) {
                codes[BASIC.charAt(septet)] = (short) septet;
            }
        }
        for (int i = 0; i < EXTENSION_CHARS.length(); i++) {
            codes[EXTENSION_CHARS.charAt(i)] = (short) (EXTENDED | EXTENSION_CODES[i]);
        }
    }

    /** Septets the character takes: 1 (basic table), 2 (extension table) or 0 when it is not in the alphabet. */
    public int septets(char c) {
        short code = codes[c];
        return code == ABSENT ? 0 : code >= EXTENDED ? 2 : 1;
    }

    /** Whether every character of the text can be written in the default alphabet. */
    public boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Unpacked septets of one character, appended to the buffer. */
    void append(char c, java.io.ByteArrayOutputStream out) {
        short code = codes[c];
        if (code == ABSENT) {
            throw new IllegalArgumentException("'" + c + "' (U+" + Integer.toHexString(c) + ") is not in the GSM 03.38 alphabet");
        }
        if (code >= EXTENDED) {
            out.write(ESCAPE);
            out.write(code - EXTENDED);
        } else {
            out.write(code);
        }
    }

    /** The unpacked septets of a text that {@link #canEncode} accepts. */
    public byte[] encode(CharSequence text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            append(text.charAt(i), out);
        }
        return out.toByteArray();
    }
}
