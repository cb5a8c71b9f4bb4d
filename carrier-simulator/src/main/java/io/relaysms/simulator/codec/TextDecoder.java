package io.relaysms.simulator.codec;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a submitted payload into readable text by its data_coding, so the record of received messages shows
 * what a handset would display. Codings a handset cannot render as text (8-bit binary and the like) have none.
 */
public final class TextDecoder {

    private final Gsm7Alphabet gsm = new Gsm7Alphabet();

    public Optional<String> decode(int dataCoding, byte[] payload) {
        return switch (dataCoding & 0xFF) {
            case 0x00 -> Optional.of(gsm.decode(payload));
            case 0x01 -> Optional.of(new String(payload, StandardCharsets.US_ASCII));
            case 0x03 -> Optional.of(new String(payload, StandardCharsets.ISO_8859_1));
            case 0x08 -> Optional.of(new String(payload, StandardCharsets.UTF_16BE));
            default -> Optional.empty();
        };
    }
}
