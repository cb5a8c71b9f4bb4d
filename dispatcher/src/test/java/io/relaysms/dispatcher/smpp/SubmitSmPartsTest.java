package io.relaysms.dispatcher.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.dispatcher.carrier.OutboundMessage;
import io.relaysms.dispatcher.segment.Concatenation;
import io.relaysms.dispatcher.segment.Segmenter;
import io.relaysms.schemas.MessageEncoding;
import java.util.List;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class SubmitSmPartsTest {

    private static OutboundMessage message(String text) {
        return new OutboundMessage("m-1", "+18005550100", "+14255550123", text,
                new Segmenter().split(text, MessageEncoding.GSM7), true, 0);
    }

    @Test
    void udhPartsCarryTheHeaderAndTheUdhiFlag() {
        List<SubmitSmParts.Unit> units = SubmitSmParts.units(message("a".repeat(200)), Concatenation.UDH);

        assertThat(units).hasSize(2);
        assertThat(units.get(1).esmClass()).isEqualTo((byte) 0x40);
        assertThat(units.get(1).shortMessage()).startsWith(0x05, 0x00, 0x03);
        assertThat(units.get(1).shortMessage()[5]).isEqualTo((byte) 2);
        assertThat(units.get(1).tlvs()).isEmpty();
    }

    @Test
    void sarPartsCarryTheThreeTlvsAndNoHeader() {
        List<SubmitSmParts.Unit> units = SubmitSmParts.units(message("a".repeat(200)), Concatenation.SAR);

        assertThat(units.get(0).esmClass()).isZero();
        assertThat(units.get(0).shortMessage()).hasSize(153);
        assertThat(units.get(0).tlvs()).extracting(p -> p.tag).containsExactly(
                OptionalParameter.Tag.SAR_MSG_REF_NUM.code(), OptionalParameter.Tag.SAR_TOTAL_SEGMENTS.code(),
                OptionalParameter.Tag.SAR_SEGMENT_SEQNUM.code());
    }

    @Test
    void payloadModeSendsTheWholeTextOnce() {
        List<SubmitSmParts.Unit> units = SubmitSmParts.units(message("a".repeat(200)), Concatenation.PAYLOAD);

        assertThat(units).hasSize(1);
        assertThat(units.get(0).shortMessage()).isEmpty();
        assertThat(((OptionalParameter.OctetString) units.get(0).tlvs()[0]).getValue()).hasSize(200);
    }

    @Test
    void aSinglePartMessageIsPlainInEveryMode() {
        for (Concatenation mode : Concatenation.values()) {
            List<SubmitSmParts.Unit> units = SubmitSmParts.units(message("hello"), mode);
            assertThat(units).singleElement().satisfies(u -> {
                assertThat(u.esmClass()).isZero();
                assertThat(u.tlvs()).isEmpty();
                assertThat(u.shortMessage()).hasSize(5);
            });
        }
    }
}
