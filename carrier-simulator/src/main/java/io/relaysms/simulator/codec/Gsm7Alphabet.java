package io.relaysms.simulator.codec;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GSM 03.38 default alphabet with its extension table, as SMPP carries it for data_coding 0: one septet
 * per octet (unpacked), an extension character as the escape septet 0x1B followed by its code. Encoding
 * refuses characters outside both tables instead of substituting them, so a caller can fall back to UCS-2.
 */
public final class Gsm7Alphabet {

    /** Septet 0x00..0x7F in order; 0x1B is the escape to the extension table (never a character itself). */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final int ESCAPE = 0x1B;
    private static final char[][] EXTENSION = {
            {0x0A, '\f'}, {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'},
            {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x65, '€'}};

    private final Map<Character, Integer> basicCodes = new HashMap<>();
    private final Map<Character, Integer> extensionCodes = new HashMap<>();
    private final Map<Integer, Character> extensionChars = new HashMap<>();

    public Gsm7Alphabet() {
        if (BASIC.length() != 128) {
            throw new IllegalStateException("the GSM basic table must have 128 entries, has " + BASIC.length());
        }
        for (int code = 0; code < BASIC.length(); code++) {
            if (code != ESCAPE) {
                basicCodes.put(BASIC.charAt(code), code);
            }
        }
        for (char[] entry : EXTENSION) {
            extensionCodes.put(entry[1], (int) entry[0]);
            extensionChars.put((int) entry[0], entry[1]);
        }
    }

    /** Septets a character takes: 1 in the basic table, 2 in the extension table, empty when not encodable. */
    public Optional<Integer> septets(char c) {
        if (basicCodes.containsKey(c)) {
            return Optional.of(1);
        }
        return extensionCodes.containsKey(c) ? Optional.of(2) : Optional.empty();
    }

    public boolean canEncode(String text) {
        return firstUnencodable(text).isEmpty();
    }

    /** The first character that the alphabet cannot carry, for an error message a person can act on. */
    public Optional<Character> firstUnencodable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)).isEmpty()) {
                return Optional.of(text.charAt(i));
            }
        }
        return Optional.empty();
    }

    /** Unpacked septets, one per octet. */
    public byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer basic = basicCodes.get(c);
            if (basic != null) {
                out.write(basic);
                continue;
            }
            Integer extension = extensionCodes.get(c);
            if (extension == null) {
                throw new IllegalArgumentException("'" + c + "' (U+" + String.format("%04X", (int) c)
                        + ") is not in the GSM 03.38 alphabet");
            }
            out.write(ESCAPE);
            out.write(extension);
        }
        return out.toByteArray();
    }

    /** Decodes unpacked septets; an octet above 0x7F or an unknown escape becomes '?', as handsets show it. */
    public String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0xFF;
            if (code == ESCAPE && i + 1 < septets.length) {
                Character extension = extensionChars.get(septets[++i] & 0xFF);
                text.append(extension == null ? '?' : extension);
            } else if (code < 0x80 && code != ESCAPE) {
                text.append(BASIC.charAt(code));
            } else {
                text.append('?');
            }
        }
        return text.toString();
    }
}
