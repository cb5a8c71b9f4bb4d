package io.relaysms.tracker.inbound;

import java.util.Arrays;

/**
 * Where a part sits in its message and where its text starts, read from the SAR TLVs (sar_msg_ref_num,
 * sar_total_segments, sar_segment_seqnum) or from a user data header (esm_class UDHI 0x40) with a concatenation
 * element: IEI 0x00 (8-bit reference) or 0x08 (16-bit reference), 3GPP TS 23.040 9.2.3.24.1 and .8. Other header
 * elements are skipped. A part with neither, or announcing one part, is a whole message.
 *
 * @param reference    the concatenation reference with its scheme ("sar:", "udh8:", "udh16:"); null for a single part
 * @param total        parts the message announces (1 for a single part)
 * @param sequence     1-based position of this part
 * @param headerOctets octets of the user data header including its length octet; 0 without a header
 * @param body         the text octets after the header
 */
record PartLayout(String reference, int total, int sequence, int headerOctets, byte[] body) {

    private static final int UDHI = 0x40;

    /** Thrown for a header that cannot be what it claims (its length runs past the payload). */
    static final class MalformedPartException extends RuntimeException {
        MalformedPartException(String message) {
            super(message);
        }
    }

    boolean concatenated() {
        return reference != null;
    }

    static PartLayout of(PartView part) {
        byte[] payload = part.payload();
        if (part.sarReferenceNumber() != null && part.sarTotalSegments() != null && part.sarSegmentSequence() != null) {
            return concatenation("sar:" + part.sarReferenceNumber(), part.sarTotalSegments(), part.sarSegmentSequence(), 0, payload);
        }
        if ((part.esmClass() & UDHI) == 0 || payload.length == 0) {
            return new PartLayout(null, 1, 1, 0, payload);
        }
        int headerOctets = (payload[0] & 0xFF) + 1;
        if (headerOctets > payload.length) {
            throw new MalformedPartException("the user data header claims " + (headerOctets - 1) + " octets but the payload has "
                    + (payload.length - 1) + " after the length octet");
        }
        byte[] body = Arrays.copyOfRange(payload, headerOctets, payload.length);
        int at = 1;
        while (at + 1 < headerOctets) {
            int iei = payload[at] & 0xFF;
            int length = payload[at + 1] & 0xFF;
            int data = at + 2;
            if (data + length > headerOctets) {
                throw new MalformedPartException("user data header element 0x" + Integer.toHexString(iei) + " runs past the header");
            }
            if (iei == 0x00 && length == 3) {
                return concatenation("udh8:" + (payload[data] & 0xFF), payload[data + 1] & 0xFF, payload[data + 2] & 0xFF,
                        headerOctets, body);
            }
            if (iei == 0x08 && length == 4) {
                int reference = ((payload[data] & 0xFF) << 8) | (payload[data + 1] & 0xFF);
                return concatenation("udh16:" + reference, payload[data + 2] & 0xFF, payload[data + 3] & 0xFF, headerOctets, body);
            }
            at = data + length;
        }
        return new PartLayout(null, 1, 1, headerOctets, body);
    }

    /** A part whose numbers make no sense (0 parts, position past the end) is read as a whole message, not lost. */
    private static PartLayout concatenation(String reference, int total, int sequence, int headerOctets, byte[] body) {
        if (total <= 1 || sequence < 1 || sequence > total) {
            return new PartLayout(null, 1, 1, headerOctets, body);
        }
        return new PartLayout(reference, total, sequence, headerOctets, body);
    }
}
