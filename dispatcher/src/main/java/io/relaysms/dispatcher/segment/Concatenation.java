package io.relaysms.dispatcher.segment;

import java.util.Locale;

/**
 * How the parts of a long message are tied together on the wire, as a carrier wants them
 * ({@code carriers.<id>.concatenation}): a user data header in each part's short_message (UDH, esm_class UDHI),
 * the SAR TLVs (sar_msg_ref_num, sar_total_segments, sar_segment_seqnum) with plain parts, or the whole text in
 * one message_payload TLV that the carrier splits itself.
 */
public enum Concatenation {
    UDH, SAR, PAYLOAD;

    public static Concatenation parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("concatenation must be udh, sar or payload (was '" + text + "')");
        }
    }
}
