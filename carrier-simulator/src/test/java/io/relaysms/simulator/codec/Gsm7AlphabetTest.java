package io.relaysms.simulator.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Gsm7AlphabetTest {

    private final Gsm7Alphabet gsm = new Gsm7Alphabet();

    @Test
    void encodesBasicCharactersAsOneSeptetEach() {
        assertThat(gsm.encode("@£$Aa0 ")).containsExactly(0x00, 0x01, 0x02, 0x41, 0x61, 0x30, 0x20);
    }

    @Test
    void encodesExtensionCharactersBehindTheEscape() {
        assertThat(gsm.encode("€{")).containsExactly(0x1B, 0x65, 0x1B, 0x28);
    }

    @Test
    void decodesWhatItEncodes() {
        String text = "Grüße, ÆØÅ æøå ΔΦΓΛΩΠΨΣΘΞ [x] ~ | \\ ^ € {ok} ¿¡ §";

        assertThat(gsm.decode(gsm.encode(text))).isEqualTo(text);
    }

    @Test
    void refusesCharactersOutsideTheAlphabet() {
        assertThat(gsm.canEncode("naïve")).isFalse();
        assertThat(gsm.firstUnencodable("ok 漢字")).contains('漢');
        assertThatThrownBy(() -> gsm.encode("ç")).hasMessageContaining("U+00E7");
    }

    @Test
    void countsExtensionCharactersAsTwoSeptets() {
        assertThat(gsm.septets('€')).contains(2);
        assertThat(gsm.septets('e')).contains(1);
        assertThat(gsm.septets('ç')).isEmpty();
    }
}
