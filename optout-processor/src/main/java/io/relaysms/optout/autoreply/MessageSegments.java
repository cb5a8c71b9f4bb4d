package io.relaysms.optout.autoreply;

import io.relaysms.schemas.MessageEncoding;

/**
 * The encoding and segment count of a text, as SmsRequest records them: GSM 03.38 7-bit when every character
 * is in the default alphabet or its extension table (extension characters take two septets), else UCS-2. One
 * SMS holds 160 septets or 70 UCS-2 units; a concatenated one 153 or 67 per part, and an escape pair or a
 * surrogate pair is never split between parts.
 */
public record MessageSegments(MessageEncoding encoding, int count) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    public static MessageSegments of(String text) {
        boolean gsm = text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
        return gsm ? gsm(text) : ucs2(text);
    }

    private static MessageSegments gsm(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += septets(text.charAt(i));
        }
        if (total <= 160) {
            return new MessageSegments(MessageEncoding.GSM7, 1);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = septets(text.charAt(i));
            if (used + cost > 153) {
                parts++;
                used = 0;
            }
            used += cost;
        }
        return new MessageSegments(MessageEncoding.GSM7, parts);
    }

    private static MessageSegments ucs2(String text) {
        if (text.length() <= 70) {
            return new MessageSegments(MessageEncoding.UCS2, 1);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cost = Character.charCount(text.codePointAt(i));
            if (used + cost > 67) {
                parts++;
                used = 0;
            }
            used += cost;
        }
        return new MessageSegments(MessageEncoding.UCS2, parts);
    }

    private static int septets(char c) {
        return GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
    }
}
