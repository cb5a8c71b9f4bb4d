package io.relaysms.tracker.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.schemas.MessageEncoding;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static PartView part(int dataCoding, int esmClass, byte[] payload) {
        return new PartView("p", "c", "+15550001111", "+18005550100", dataCoding, esmClass, payload, null, null, null, 0);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void readsUnpackedGsmTextWithItsNationalAndExtensionCharacters() {
        // "@£$ Hé €{}" in GSM 03.38, one septet per octet.
        byte[] septets = hex("000102204805201b651b281b29");
        TextDecoder.Decoded decoded = TextDecoder.decode(List.of(part(0, 0, septets)), Gsm7Packing.UNPACKED);

        assertThat(decoded.text()).isEqualTo("@£$ Hé €{}");
        assertThat(decoded.encoding()).isEqualTo(MessageEncoding.GSM7);
    }

    @Test
    void readsPackedGsmText() {
        assertThat(TextDecoder.decode(List.of(part(0, 0, hex("E8329BFD4697D9EC37"))), Gsm7Packing.PACKED).text())
                .isEqualTo("hellohello");
    }

    @Test
    void dropsTheSevenPaddingBitsThatWouldReadAsATrailingAt() {
        // 7 septets "abcdefg" packed fill exactly 7 octets minus 7 bits.
        assertThat(TextDecoder.decode(List.of(part(0, 0, hex("61F1985C369F01"))), Gsm7Packing.PACKED).text()).isEqualTo("abcdefg");
    }

    @Test
    void skipsTheFillBitAfterASixOctetHeaderInPackedText() {
        // UDH 050003010101 (48 bits), one fill bit, then "Hi": H=0x48 in bits 1-7 (0x90), i=0x69 in the next octet.
        byte[] payload = hex("0500030101019069");
        assertThat(TextDecoder.decode(List.of(part(0, 0x40, payload)), Gsm7Packing.PACKED).text()).isEqualTo("Hi");
    }

    @Test
    void joinsUcs2PartsEvenWhenASurrogatePairIsSplitBetweenThem() {
        byte[] text = "ok 😀".getBytes(StandardCharsets.UTF_16BE);
        byte[] first = java.util.Arrays.copyOfRange(text, 0, 8);
        byte[] second = java.util.Arrays.copyOfRange(text, 8, text.length);

        TextDecoder.Decoded decoded = TextDecoder.decode(List.of(part(8, 0, first), part(8, 0, second)), Gsm7Packing.UNPACKED);

        assertThat(decoded.text()).isEqualTo("ok 😀");
        assertThat(decoded.encoding()).isEqualTo(MessageEncoding.UCS2);
    }

    @Test
    void readsLatin1AndKnowsBinaryIsNotText() {
        assertThat(TextDecoder.decode(List.of(part(3, 0, "Ça va".getBytes(StandardCharsets.ISO_8859_1))), Gsm7Packing.UNPACKED).text())
                .isEqualTo("Ça va");
        assertThat(TextDecoder.alphabet(4)).isEmpty();
        assertThat(TextDecoder.alphabet(0xF1)).contains(TextDecoder.Alphabet.GSM7);
        assertThat(TextDecoder.alphabet(0xF5)).isEmpty();
    }
}
