package io.relaysms.dispatcher.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.schemas.MessageEncoding;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private final Segmenter segmenter = new Segmenter();

    @Test
    void aGsmTextOf160CharactersIsOneSegment() {
        SegmentedMessage m = segmenter.split("a".repeat(160), MessageEncoding.GSM7);

        assertThat(m.encoding()).isEqualTo(MessageEncoding.GSM7);
        assertThat(m.count()).isEqualTo(1);
        assertThat(m.parts().get(0)).hasSize(160);
    }

    @Test
    void aGsmTextOf161CharactersGoesIn153AndEight() {
        SegmentedMessage m = segmenter.split("b".repeat(161), MessageEncoding.GSM7);

        assertThat(m.count()).isEqualTo(2);
        assertThat(m.parts().get(0)).hasSize(153);
        assertThat(m.parts().get(1)).hasSize(8);
        assertThat(m.reference()).isBetween(1, 255);
    }

    @Test
    void extensionCharactersCountTwice() {
        // 80 euro signs are 160 septets: one SMS; one more character makes it two.
        assertThat(segmenter.split("€".repeat(80), MessageEncoding.GSM7).count()).isEqualTo(1);
        assertThat(segmenter.split("€".repeat(80) + "a", MessageEncoding.GSM7).count()).isEqualTo(2);
    }

    @Test
    void anEscapeIsNeverSeparatedFromItsCharacter() {
        // 152 plain septets then '{' (escape + code): the pair does not fit in 153 and moves to the next part.
        SegmentedMessage m = segmenter.split("x".repeat(152) + "{" + "y".repeat(20), MessageEncoding.GSM7);

        assertThat(m.parts().get(0)).hasSize(152);
        assertThat(m.parts().get(1)[0]).isEqualTo((byte) Gsm7Alphabet.ESCAPE);
        assertThat(m.parts().get(1)[1]).isEqualTo((byte) 0x28);
    }

    @Test
    void gsmCharactersAreWrittenAsUnpackedSeptets() {
        byte[] septets = new Gsm7Alphabet().encode("@£$A{é");

        assertThat(septets).containsExactly(0x00, 0x01, 0x02, 0x41, 0x1B, 0x28, 0x05);
    }

    @Test
    void aTextOutsideTheGsmAlphabetIsUcs2With70And67() {
        assertThat(segmenter.split("ж".repeat(70), MessageEncoding.GSM7).count()).isEqualTo(1);
        SegmentedMessage m = segmenter.split("ж".repeat(71), MessageEncoding.GSM7);

        assertThat(m.encoding()).isEqualTo(MessageEncoding.UCS2);
        assertThat(m.count()).isEqualTo(2);
        assertThat(m.parts().get(0)).hasSize(67 * 2);
        assertThat(new String(m.parts().get(1), StandardCharsets.UTF_16BE)).isEqualTo("жжжж");
    }

    @Test
    void aSurrogatePairIsNeverSplitAcrossParts() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        SegmentedMessage m = segmenter.split(text, MessageEncoding.UCS2);

        assertThat(m.parts().get(0)).hasSize(66 * 2);
        assertThat(new String(m.parts().get(1), StandardCharsets.UTF_16BE)).startsWith("😀");
    }

    @Test
    void aRequestForUcs2IsHonouredEvenForGsmText() {
        assertThat(segmenter.split("hello", MessageEncoding.UCS2).encoding()).isEqualTo(MessageEncoding.UCS2);
    }

    @Test
    void theUdhNamesReferenceTotalAndSequence() {
        byte[] withHeader = Udh.prepend(new byte[] {0x41}, 7, 3, 2);

        assertThat(withHeader).containsExactly(0x05, 0x00, 0x03, 0x07, 0x03, 0x02, 0x41);
    }
}
