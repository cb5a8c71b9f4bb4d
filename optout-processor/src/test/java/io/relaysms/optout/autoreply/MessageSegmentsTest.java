package io.relaysms.optout.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.schemas.MessageEncoding;
import org.junit.jupiter.api.Test;

class MessageSegmentsTest {

    @Test
    void fitsOneHundredSixtyGsmCharactersInOneSegment() {
        assertThat(MessageSegments.of("a".repeat(160))).isEqualTo(new MessageSegments(MessageEncoding.GSM7, 1));
        assertThat(MessageSegments.of("a".repeat(161))).isEqualTo(new MessageSegments(MessageEncoding.GSM7, 2));
    }

    @Test
    void countsExtensionCharactersTwiceAndNeverSplitsThem() {
        assertThat(MessageSegments.of("€".repeat(80))).isEqualTo(new MessageSegments(MessageEncoding.GSM7, 1));
        assertThat(MessageSegments.of("€".repeat(81))).isEqualTo(new MessageSegments(MessageEncoding.GSM7, 2));
        // 152 septets, then a two-septet euro that would straddle the 153-septet part boundary
        assertThat(MessageSegments.of("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(new MessageSegments(MessageEncoding.GSM7, 3));
    }

    @Test
    void usesUcs2ForAnythingOutsideTheGsmAlphabet() {
        assertThat(MessageSegments.of("ok ✓")).isEqualTo(new MessageSegments(MessageEncoding.UCS2, 1));
        assertThat(MessageSegments.of("✓".repeat(70))).isEqualTo(new MessageSegments(MessageEncoding.UCS2, 1));
        assertThat(MessageSegments.of("✓".repeat(71))).isEqualTo(new MessageSegments(MessageEncoding.UCS2, 2));
    }
}
