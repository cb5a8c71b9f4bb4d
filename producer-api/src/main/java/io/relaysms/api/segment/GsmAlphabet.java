package io.relaysms.api.segment;

/**
 * The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 §6.2.1), as septet widths: 1 for a
 * character of the basic table, 2 for one of the extension table (sent as ESC + code), 0 for a character neither
 * holds (the text then needs UCS-2). ESC itself is not a character a text may contain.
 */
final class GsmAlphabet {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ" + "ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /** Width by character, filled once here and only read afterwards (a lookup per character of every message). */
    private static final byte[] WIDTHS = widths();

    private GsmAlphabet() {
    }

    static int septets(char c) {
        return WIDTHS[c];
    }

    private static byte[] widths() {
        byte[] widths = new byte[Character.MAX_VALUE + 1];
        BASIC.chars().forEach(c -> widths[c] = 1);
        EXTENSION.chars().forEach(c -> widths[c] = 2);
        return widths;
    }
}
