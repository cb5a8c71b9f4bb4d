package io.relaysms.api.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.schemas.MessageEncoding;
import org.junit.jupiter.api.Test;

class MessageSegmentsTest {

    @Test
    void fitsA160CharacterGsmTextInOneSegment() {
        assertThat(MessageSegments.of("a".repeat(160))).isEqualTo(new MessageSegments(MessageEncoding.GSM7, 1));
    }

    @Test
    void splitsLongerGsmTextsInto153SeptetParts() {
        assertThat(MessageSegments.of("a".repeat(161)).count()).isEqualTo(2);
        assertThat(MessageSegments.of("a".repeat(306)).count()).isEqualTo(2);
        assertThat(MessageSegments.of("a".repeat(307)).count()).isEqualTo(3);
    }

    @Test
    void countsExtensionCharactersTwiceAndNeverSplitsThem() {
        assertThat(MessageSegments.of("€".repeat(80))).isEqualTo(new MessageSegments(MessageEncoding.GSM7, 1));
        assertThat(MessageSegments.of("€".repeat(81)).count()).isEqualTo(2);
        // 152 plain septets then an escape pair: the pair does not fit in the first part's last septet
        assertThat(MessageSegments.of("a".repeat(152) + "{" + "a".repeat(153)).count()).isEqualTo(3);
    }

    @Test
    void keepsAccentedLettersOfTheGsmAlphabetInGsm7() {
        assertThat(MessageSegments.of("Ça coûte 5€ à Zürich").encoding()).isEqualTo(MessageEncoding.UCS2); // û is not GSM
        assertThat(MessageSegments.of("Ça coute 5€ à Zürich").encoding()).isEqualTo(MessageEncoding.GSM7);
    }

    @Test
    void usesUcs2For70UnitsPerSingleAnd67PerPart() {
        assertThat(MessageSegments.of("ж".repeat(70))).isEqualTo(new MessageSegments(MessageEncoding.UCS2, 1));
        assertThat(MessageSegments.of("ж".repeat(71)).count()).isEqualTo(2);
        assertThat(MessageSegments.of("ж".repeat(134)).count()).isEqualTo(2);
        assertThat(MessageSegments.of("ж".repeat(135)).count()).isEqualTo(3);
    }

    @Test
    void neverSplitsASurrogatePair() {
        // 66 units then an emoji (2 units): the emoji goes to the second part
        assertThat(MessageSegments.of("ж".repeat(66) + "👋" + "ж".repeat(66)).count()).isEqualTo(3);
        assertThat(MessageSegments.of("ж".repeat(65) + "👋" + "ж".repeat(67)).count()).isEqualTo(2);
    }
}
