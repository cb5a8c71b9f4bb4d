package io.relaysms.tracker.inbound;

import io.relaysms.schemas.MessageEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the parts of one inbound message, in order, into its text.
 *
 * <p>SMPP data_coding read (SMPP 3.4 5.2.19): 0 the SMSC default alphabet, taken to be GSM 03.38 (unpacked or
 * packed as the carrier is configured, see {@link Gsm7Packing}); 1 IA5 (ASCII); 3 Latin-1; 8 UCS-2 (read as UTF-16BE,
 * so a surrogate pair split across parts still joins); 0xF0-0xFF message-class codings, GSM 03.38 when bit 2 is 0.
 * Anything else (binary data, national character sets) is not text Relay can render: {@link #alphabet} is empty and
 * the part goes to the dead-letter topic. Consecutive parts in the same alphabet are decoded together.
 */
final class TextDecoder {

    /** The alphabets Relay decodes. */
    enum Alphabet { GSM7, ASCII, LATIN1, UCS2 }

    /** A decoded message: its text and the encoding it arrived in. */
    record Decoded(String text, MessageEncoding encoding) {
    }

    private TextDecoder() {
    }

    static Optional<Alphabet> alphabet(int dataCoding) {
        return switch (dataCoding) {
            case 0x00 -> Optional.of(Alphabet.GSM7);
            case 0x01 -> Optional.of(Alphabet.ASCII);
            case 0x03 -> Optional.of(Alphabet.LATIN1);
            case 0x08 -> Optional.of(Alphabet.UCS2);
            default -> dataCoding >= 0xF0 && dataCoding <= 0xFF && (dataCoding & 0x04) == 0
                    ? Optional.of(Alphabet.GSM7) : Optional.empty();
        };
    }

    /** Decodes parts whose data codings {@link #alphabet} accepts, ordered by position. */
    static Decoded decode(List<PartView> parts, Gsm7Packing packing) {
        StringBuilder text = new StringBuilder();
        boolean anyUcs2 = false;
        Septets septets = new Septets();
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        Alphabet current = null;
        for (PartView part : parts) {
            Alphabet alphabet = alphabet(part.dataCoding()).orElseThrow(
                    () -> new IllegalArgumentException("data_coding " + part.dataCoding() + " is not decodable"));
            anyUcs2 |= alphabet == Alphabet.UCS2;
            if (current != null && alphabet != current) {
                flush(current, septets, octets, text);
                septets = new Septets();
                octets.reset();
            }
            current = alphabet;
            PartLayout layout = PartLayout.of(part);
            if (alphabet != Alphabet.GSM7) {
                octets.writeBytes(layout.body());
            } else if (packing == Gsm7Packing.PACKED) {
                septets.appendPacked(layout.body(), Septets.fillBitsAfterHeader(layout.headerOctets()));
            } else {
                septets.appendUnpacked(layout.body());
            }
        }
        if (current != null) {
            flush(current, septets, octets, text);
        }
        return new Decoded(text.toString(), anyUcs2 ? MessageEncoding.UCS2 : MessageEncoding.GSM7);
    }

    private static void flush(Alphabet alphabet, Septets septets, ByteArrayOutputStream octets, StringBuilder text) {
        text.append(switch (alphabet) {
            case GSM7 -> septets.decode();
            case ASCII -> octets.toString(StandardCharsets.US_ASCII);
            case LATIN1 -> octets.toString(StandardCharsets.ISO_8859_1);
            case UCS2 -> octets.toString(StandardCharsets.UTF_16BE);
        });
    }
}
