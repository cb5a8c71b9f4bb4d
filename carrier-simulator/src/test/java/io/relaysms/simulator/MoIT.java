package io.relaysms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.relaysms.simulator.codec.Gsm7Alphabet;
import io.relaysms.simulator.mo.InvalidMoException;
import io.relaysms.simulator.mo.MoRequest;
import io.relaysms.simulator.mo.MoRequest.Concatenation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MoIT {

    private static final String LONG_TEXT = "This reply is long enough to need more than one part when it is sent as a text "
            + "message from a handset, because one part of a concatenated SMS holds 153 GSM characters and this holds more "
            + "than three hundred of them, {with} some [extension] characters € to keep the encoder honest.";

    private final CarrierSimulator simulator = TestSimulators.start(Map.of(
            "numbers.+18005550100.type", "toll-free",
            "numbers.+18005550100.route", "sim",
            "carriers.sim.protocol", "smpp"));

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void deliversAShortMoInGsm7() throws Exception {
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            simulator.injectMo(MoRequest.of("+15550000001", "+18005550100", "STOP"));

            await().until(() -> client.mobileOriginated().size() == 1);
            DeliverSm mo = client.mobileOriginated().get(0);
            assertThat(mo.getSourceAddr()).isEqualTo("15550000001");
            assertThat(mo.getSourceAddrTon()).isEqualTo((byte) 1);
            assertThat(mo.getDestAddress()).isEqualTo("18005550100");
            assertThat(mo.getDataCoding()).isZero();
            assertThat(new Gsm7Alphabet().decode(mo.getShortMessage())).isEqualTo("STOP");
        }
    }

    @Test
    void splitsALongMoIntoTheRequestedUdhParts() throws Exception {
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            simulator.injectMo(MoRequest.of("+15550000001", "+18005550100", LONG_TEXT).withParts(3, Concatenation.UDH));

            await().until(() -> client.mobileOriginated().size() == 3);
            List<DeliverSm> parts = client.mobileOriginated().stream()
                    .sorted(Comparator.comparingInt(p -> p.getShortMessage()[5])).toList();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                byte[] data = parts.get(i).getShortMessage();
                assertThat(parts.get(i).isUdhi()).isTrue();
                assertThat(Arrays.copyOfRange(data, 0, 3)).containsExactly(0x05, 0x00, 0x03);
                assertThat(data[4]).isEqualTo((byte) 3);
                assertThat(data[5]).isEqualTo((byte) (i + 1));
                assertThat(data.length - 6).isLessThanOrEqualTo(153);
                text.append(new Gsm7Alphabet().decode(Arrays.copyOfRange(data, 6, data.length)));
            }
            assertThat(text.toString()).isEqualTo(LONG_TEXT);
        }
    }

    @Test
    void marksPartsWithSarTlvsInUcs2WhenAsked() throws Exception {
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            simulator.injectMo(MoRequest.of("+15550000001", "+18005550100", "Ünïcödé reply, twice")
                    .withParts(2, Concatenation.SAR).withEncoding(MoRequest.Encoding.UCS2));

            await().until(() -> client.mobileOriginated().size() == 2);
            List<DeliverSm> parts = client.mobileOriginated().stream().sorted(Comparator.comparingInt(
                    p -> p.getOptionalParameter(OptionalParameter.Sar_segment_seqnum.class).getValue())).toList();
            assertThat(parts).allSatisfy(p -> {
                assertThat(p.getDataCoding()).isEqualTo((byte) 8);
                assertThat(p.getOptionalParameter(OptionalParameter.Sar_total_segments.class).getValue()).isEqualTo((byte) 2);
            });
            String text = new String(parts.get(0).getShortMessage(), StandardCharsets.UTF_16BE)
                    + new String(parts.get(1).getShortMessage(), StandardCharsets.UTF_16BE);
            assertThat(text).isEqualTo("Ünïcödé reply, twice");
        }
    }

    @Test
    void refusesAnMoToANumberWeDoNotOwn() {
        assertThatThrownBy(() -> simulator.injectMo(MoRequest.of("+15550000001", "+18005550199", "hello")))
                .isInstanceOfSatisfying(InvalidMoException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("to: +18005550199 is not one of the numbers"));
    }

    @Test
    void keepsMosQueuedUntilAReceiverBinds() throws Exception {
        simulator.injectMo(MoRequest.of("+15550000001", "+18005550100", "anyone there?"));
        await().untilAsserted(() -> assertThat(simulator.deliveries().get(0).queued()).isEqualTo(1));

        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            await().until(() -> client.mobileOriginated().size() == 1);
        }
    }
}
