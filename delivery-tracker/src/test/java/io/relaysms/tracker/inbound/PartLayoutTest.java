package io.relaysms.tracker.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PartLayoutTest {

    private static PartView part(int esmClass, String payloadHex, Integer sarRef, Integer sarTotal, Integer sarSeq) {
        return new PartView("p", "c", "a", "b", 0, esmClass, HexFormat.of().parseHex(payloadHex), sarRef, sarTotal, sarSeq, 0);
    }

    @Test
    void readsAnEightBitConcatenationHeader() {
        PartLayout layout = PartLayout.of(part(0x40, "0500032A0302" + "4869", null, null, null));

        assertThat(layout.reference()).isEqualTo("udh8:42");
        assertThat(layout.total()).isEqualTo(3);
        assertThat(layout.sequence()).isEqualTo(2);
        assertThat(layout.headerOctets()).isEqualTo(6);
        assertThat(layout.body()).containsExactly(0x48, 0x69);
    }

    @Test
    void readsASixteenBitConcatenationHeaderAfterAnotherElement() {
        PartLayout layout = PartLayout.of(part(0x40, "0A" + "0A0200FF" + "080412340201" + "41", null, null, null));

        assertThat(layout.reference()).isEqualTo("udh16:4660");
        assertThat(layout.total()).isEqualTo(2);
        assertThat(layout.sequence()).isEqualTo(1);
        assertThat(layout.body()).containsExactly(0x41);
    }

    @Test
    void readsSarTlvs() {
        PartLayout layout = PartLayout.of(part(0, "4142", 700, 2, 2));

        assertThat(layout.reference()).isEqualTo("sar:700");
        assertThat(layout.sequence()).isEqualTo(2);
        assertThat(layout.body()).containsExactly(0x41, 0x42);
    }

    @Test
    void takesAPartWithoutConcatenationInformationAsAWholeMessage() {
        assertThat(PartLayout.of(part(0, "4142", null, null, null)).concatenated()).isFalse();
        assertThat(PartLayout.of(part(0x40, "0500032A0000" + "41", null, null, null)).concatenated()).isFalse();
    }

    @Test
    void refusesAHeaderLongerThanThePayload() {
        assertThatThrownBy(() -> PartLayout.of(part(0x40, "0900030102", null, null, null)))
                .isInstanceOf(PartLayout.MalformedPartException.class)
                .hasMessageContaining("claims 9 octets");
    }
}
