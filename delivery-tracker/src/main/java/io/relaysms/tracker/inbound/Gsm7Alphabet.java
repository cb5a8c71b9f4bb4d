package io.relaysms.tracker.inbound;

/**
 * The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 6.2.1), septets to text. An escape
 * (0x1B) selects the extension character of the next septet; an escape followed by a septet the extension table does
 * not define shows that septet's default character, as the standard asks. A trailing lone escape is dropped.
 */
final class Gsm7Alphabet {

    private static final int ESCAPE = 0x1B;
    private static final String DEFAULT =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    private Gsm7Alphabet() {
    }

    static String decode(int[] septets, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int septet = septets[i] & 0x7F;
            if (septet != ESCAPE) {
                text.append(DEFAULT.charAt(septet));
            } else if (i + 1 < length) {
                i++;
                text.append(extension(septets[i] & 0x7F));
            }
        }
        return text.toString();
    }

    private static char extension(int septet) {
        return switch (septet) {
            case 0x0A -> '\f';
            case 0x14 -> '^';
            case 0x28 -> '{';
            case 0x29 -> '}';
            case 0x2F -> '\\';
            case 0x3C -> '[';
            case 0x3D -> '~';
            case 0x3E -> ']';
            case 0x40 -> '|';
            case 0x65 -> '€';
            default -> DEFAULT.charAt(septet);
        };
    }
}
