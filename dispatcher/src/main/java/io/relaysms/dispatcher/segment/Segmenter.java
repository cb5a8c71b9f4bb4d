package io.relaysms.dispatcher.segment;

import io.relaysms.schemas.MessageEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into SMS parts (3GPP TS 23.038/23.040): GSM 03.38 7-bit when every character is in the
 * default alphabet and the request did not ask for UCS-2, else UCS-2. A text fits one SMS in 160 septets
 * (GSM) or 70 UTF-16 units (UCS-2); longer texts go in parts of 153 septets or 67 units, the room a 6-byte
 * concatenation header leaves. A part never ends between an escape and its extension character, nor between
 * the two halves of a surrogate pair, so such a part is one unit shorter.
 *
 * <p>Reference numbers come from this instance's counter (one per worker is enough: the handset tells
 * messages apart by sender and reference, and 256 values cycle far slower than one sender's parts arrive).
 */
public final class Segmenter {

    public static final int GSM_SINGLE = 160;
    public static final int GSM_PART = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PART = 67;

    private final Gsm7Alphabet alphabet = new Gsm7Alphabet();
    private int nextReference;

    public SegmentedMessage split(String text, MessageEncoding requested) {
        boolean gsm = requested != MessageEncoding.UCS2 && alphabet.canEncode(text);
        return gsm ? splitGsm(text) : splitUcs2(text);
    }

    /** The encoding the text will be sent in, as {@link #split} would choose it. */
    public MessageEncoding encodingFor(String text, MessageEncoding requested) {
        return requested != MessageEncoding.UCS2 && alphabet.canEncode(text) ? MessageEncoding.GSM7 : MessageEncoding.UCS2;
    }

    private SegmentedMessage splitGsm(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += alphabet.septets(text.charAt(i));
        }
        byte[] whole = alphabet.encode(text);
        if (total <= GSM_SINGLE) {
            return new SegmentedMessage(MessageEncoding.GSM7, List.of(whole), whole, 0);
        }
        List<byte[]> parts = new ArrayList<>();
        ByteArrayOutputStream part = new ByteArrayOutputStream(GSM_PART);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (part.size() + alphabet.septets(c) > GSM_PART) {
                parts.add(part.toByteArray());
                part.reset();
            }
            alphabet.append(c, part);
        }
        parts.add(part.toByteArray());
        return new SegmentedMessage(MessageEncoding.GSM7, parts, whole, reference());
    }

    private SegmentedMessage splitUcs2(String text) {
        byte[] whole = text.getBytes(StandardCharsets.UTF_16BE);
        if (text.length() <= UCS2_SINGLE) {
            return new SegmentedMessage(MessageEncoding.UCS2, List.of(whole), whole, 0);
        }
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + UCS2_PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(start, end).getBytes(StandardCharsets.UTF_16BE));
            start = end;
        }
        return new SegmentedMessage(MessageEncoding.UCS2, parts, whole, reference());
    }

    private int reference() {
        nextReference = (nextReference + 1) & 0xFF;
        return nextReference;
    }
}
