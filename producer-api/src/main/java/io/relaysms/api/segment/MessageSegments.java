package io.relaysms.api.segment;

import io.relaysms.schemas.MessageEncoding;

/**
 * How a text goes over the air: in the GSM 03.38 7-bit alphabet when every character is in it (160 septets in a
 * single SMS, 153 per part of a concatenated one, extension-table characters taking two septets that are never split
 * between parts), else in UCS-2 (70 UTF-16 units single, 67 per part, a surrogate pair never split).
 *
 * @param encoding the encoding the text needs
 * @param count    the number of SMS segments it takes (1 for an empty text)
 */
public record MessageSegments(MessageEncoding encoding, int count) {

    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART = 67;

    public static MessageSegments of(String text) {
        int[] septets = new int[text.length()];
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            int width = GsmAlphabet.septets(text.charAt(i));
            if (width == 0) {
                return new MessageSegments(MessageEncoding.UCS2, ucs2Segments(text));
            }
            septets[i] = width;
            total += width;
        }
        if (total <= GSM_SINGLE) {
            return new MessageSegments(MessageEncoding.GSM7, 1);
        }
        return new MessageSegments(MessageEncoding.GSM7, pack(septets, GSM_PART));
    }

    private static int ucs2Segments(String text) {
        if (text.length() <= UCS2_SINGLE) {
            return 1;
        }
        int[] units = new int[text.codePointCount(0, text.length())];
        int i = 0;
        for (int offset = 0; offset < text.length(); offset += Character.charCount(text.codePointAt(offset))) {
            units[i++] = Character.charCount(text.codePointAt(offset));
        }
        return pack(units, UCS2_PART);
    }

    /** Greedy packing of indivisible items of the given widths into parts of {@code capacity}. */
    private static int pack(int[] widths, int capacity) {
        int parts = 1;
        int used = 0;
        for (int width : widths) {
            if (used + width > capacity) {
                parts++;
                used = 0;
            }
            used += width;
        }
        return parts;
    }
}
