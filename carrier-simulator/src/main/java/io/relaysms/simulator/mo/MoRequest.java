package io.relaysms.simulator.mo;

import java.util.Locale;
import java.util.Optional;

/**
 * A mobile-originated message to inject: from a handset to one of our numbers, the text, and optionally the
 * number of concatenated parts, how concatenation is marked, the encoding and the account that receives it.
 */
public record MoRequest(String from, String to, String text, Optional<Integer> parts, Concatenation concatenation,
                        Optional<Encoding> encoding, Optional<String> systemId) {

    /** How the parts of a long MO say that they belong together. */
    public enum Concatenation {
        /** A user data header with an 8-bit reference in each part, esm_class UDHI set. */
        UDH,
        /** The sar_msg_ref_num, sar_total_segments and sar_segment_seqnum TLVs. */
        SAR,
        /** No parts: the whole text in one deliver_sm, in the message_payload TLV. */
        PAYLOAD;

        public static Optional<Concatenation> parse(String text) {
            try {
                return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** data_coding 0 (GSM 03.38, unpacked) or 8 (UCS-2). */
    public enum Encoding {
        GSM7(0x00), UCS2(0x08);

        private final int dataCoding;

        Encoding(int dataCoding) {
            this.dataCoding = dataCoding;
        }

        public int dataCoding() {
            return dataCoding;
        }

        public static Optional<Encoding> parse(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
            return switch (t) {
                case "GSM7", "GSM", "GSM0338" -> Optional.of(GSM7);
                case "UCS2", "UTF16" -> Optional.of(UCS2);
                default -> Optional.empty();
            };
        }
    }

    /** A plain MO: automatic parts, UDH concatenation, GSM 03.38 when the text allows it. */
    public static MoRequest of(String from, String to, String text) {
        return new MoRequest(from, to, text, Optional.empty(), Concatenation.UDH, Optional.empty(), Optional.empty());
    }

    public MoRequest withParts(int count, Concatenation method) {
        return new MoRequest(from, to, text, Optional.of(count), method, encoding, systemId);
    }

    public MoRequest withEncoding(Encoding value) {
        return new MoRequest(from, to, text, parts, concatenation, Optional.of(value), systemId);
    }

    public MoRequest toAccount(String value) {
        return new MoRequest(from, to, text, parts, concatenation, encoding, Optional.of(value));
    }
}
