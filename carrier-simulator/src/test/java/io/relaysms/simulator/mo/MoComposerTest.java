package io.relaysms.simulator.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.simulator.delivery.OutboundDeliver;
import io.relaysms.simulator.mo.MoRequest.Concatenation;
import io.relaysms.simulator.mo.MoRequest.Encoding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class MoComposerTest {

    private final MoComposer composer = new MoComposer();

    @Test
    void keepsAShortTextInOnePartWithoutUdh() {
        MoComposer.Composed composed = composer.compose(MoRequest.of("+15550000001", "+18005550100", "x".repeat(160)), "relay");

        assertThat(composed.encoding()).isEqualTo(Encoding.GSM7);
        assertThat(composed.parts()).singleElement().satisfies(p -> {
            assertThat(p.esmClass()).isZero();
            assertThat(p.shortMessage()).hasSize(160);
        });
    }

    @Test
    void splitsALongTextInto153SeptetParts() {
        List<OutboundDeliver> parts = composer.compose(MoRequest.of("+1", "+2", "y".repeat(161)), "relay").parts();

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).shortMessage()).hasSize(6 + 153);
        assertThat(parts.get(1).shortMessage()).hasSize(6 + 8);
        assertThat(parts).allSatisfy(p -> assertThat(p.esmClass()).isEqualTo(0x40));
    }

    @Test
    void neverSplitsAnEscapedCharacter() {
        String text = "a".repeat(152) + "€" + "b".repeat(10);

        List<OutboundDeliver> parts = composer.compose(MoRequest.of("+1", "+2", text), "relay").parts();

        assertThat(parts.get(0).shortMessage()).hasSize(6 + 152);
        assertThat(parts.get(1).shortMessage()[6]).isEqualTo((byte) 0x1B);
    }

    @Test
    void spreadsTextEvenlyOverTheRequestedParts() {
        List<OutboundDeliver> parts = composer.compose(
                MoRequest.of("+1", "+2", "z".repeat(90)).withParts(3, Concatenation.UDH), "relay").parts();

        assertThat(parts).extracting(p -> p.shortMessage().length - 6).containsExactly(30, 30, 30);
    }

    @Test
    void choosesUcs2ForTextOutsideGsmAndKeepsSurrogatePairsWhole() {
        MoComposer.Composed composed = composer.compose(
                MoRequest.of("+1", "+2", "😀".repeat(40)).withParts(3, Concatenation.SAR), "relay");

        assertThat(composed.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(composed.parts()).allSatisfy(p -> {
            assertThat(p.dataCoding()).isEqualTo(8);
            assertThat(p.shortMessage().length % 4).isZero();
        });
        StringBuilder text = new StringBuilder();
        composed.parts().forEach(p -> text.append(new String(p.shortMessage(), StandardCharsets.UTF_16BE)));
        assertThat(text.toString()).isEqualTo("😀".repeat(40));
    }

    @Test
    void putsTheWholeTextInMessagePayloadWhenAsked() {
        List<OutboundDeliver> parts = composer.compose(
                new MoRequest("+1", "+2", "w".repeat(500), java.util.Optional.empty(), Concatenation.PAYLOAD,
                        java.util.Optional.empty(), java.util.Optional.empty()), "relay").parts();

        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.shortMessage()).isEmpty();
            assertThat(((OptionalParameter.OctetString) p.parameters()[0]).getValue()).hasSize(500);
        });
    }

    @Test
    void refusesGsm7ForTextThatNeedsUcs2() {
        assertThatThrownBy(() -> composer.compose(MoRequest.of("+1", "+2", "漢字").withEncoding(Encoding.GSM7), "relay"))
                .isInstanceOfSatisfying(InvalidMoException.class,
                        e -> assertThat(e.problems()).singleElement().asString().contains("use encoding UCS2"));
    }

    @Test
    void refusesTooFewPartsForTheText() {
        assertThatThrownBy(() -> composer.compose(
                MoRequest.of("+1", "+2", "q".repeat(400)).withParts(2, Concatenation.UDH), "relay"))
                .isInstanceOfSatisfying(InvalidMoException.class,
                        e -> assertThat(e.problems()).singleElement().asString().contains("needs at least 3"));
    }
}
