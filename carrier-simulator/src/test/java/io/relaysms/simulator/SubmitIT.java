package io.relaysms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.relaysms.simulator.codec.SegmentInfo;
import io.relaysms.simulator.record.Submission;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmitIT {

    private static final String OUR_NUMBER = "18005550100";
    private static final String HANDSET = "15550000001";

    private CarrierSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void acceptsASubmitAndRecordsWhatItReceived() throws Exception {
        simulator = TestSimulators.start();
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            String messageId = client.submit(OUR_NUMBER, HANDSET, "Hello there");

            assertThat(simulator.submissions()).singleElement().satisfies(s -> {
                assertThat(s.sourceAddr()).isEqualTo(OUR_NUMBER);
                assertThat(s.destAddr()).isEqualTo(HANDSET);
                assertThat(s.systemId()).isEqualTo("relay");
                assertThat(s.text()).contains("Hello there");
                assertThat(s.dataCoding()).isZero();
                assertThat(s.segment()).isEqualTo(SegmentInfo.SINGLE);
                assertThat(s.messageId()).contains(messageId);
                assertThat(s.accepted()).isTrue();
            });
        }
    }

    @Test
    void sendsAStandardReceiptWithTheReceiptTlvsOnTheSameTransceiver() throws Exception {
        simulator = TestSimulators.start(Map.of(
                "simulator.message-id.format", "hex", "simulator.message-id.case", "upper", "simulator.message-id.width", "12",
                "simulator.receipt.id.format", "decimal", "simulator.receipt.id.width", "0"));
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            String messageId = client.submit(OUR_NUMBER, HANDSET, "Receipt please");

            assertThat(messageId).matches("[0-9A-F]{12}");
            await().until(() -> client.receipts().size() == 1);
            DeliverSm receipt = client.receipts().get(0);
            String text = new String(receipt.getShortMessage(), StandardCharsets.US_ASCII);
            assertThat(text).matches("id:" + Long.parseLong(messageId, 16) + " sub:001 dlvrd:001 submit date:\\d{10} "
                    + "done date:\\d{10} stat:DELIVRD err:000 text:Receipt please");
            assertThat(receipt.getSourceAddr()).isEqualTo(HANDSET);
            assertThat(receipt.getDestAddress()).isEqualTo(OUR_NUMBER);
            assertThat(receipt.getOptionalParameter(OptionalParameter.Receipted_message_id.class).getValueAsString())
                    .isEqualTo(messageId);
            assertThat(receipt.getOptionalParameter(OptionalParameter.Message_state.class).getMessageState())
                    .isEqualTo(OptionalParameter.Message_state.Message_state_enum.DELIVERED);
        }
    }

    @Test
    void reportsTheConfiguredOutcomeAndErrorCode() throws Exception {
        simulator = TestSimulators.start(Map.of(
                "simulator.rules.dead.numbers", "+15550000099",
                "simulator.rules.dead.receipt.outcomes", "UNDELIV:1",
                "simulator.rules.dead.receipt.err", "21"));
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            client.submit(OUR_NUMBER, "15550000099", "nobody home");

            await().until(() -> client.receipts().size() == 1);
            DeliverSm receipt = client.receipts().get(0);
            assertThat(new String(receipt.getShortMessage(), StandardCharsets.US_ASCII)).contains("dlvrd:000", "stat:UNDELIV", "err:21 ");
            assertThat(receipt.getOptionalParameter(OptionalParameter.Message_state.class).getMessageState())
                    .isEqualTo(OptionalParameter.Message_state.Message_state_enum.UNDELIVERABLE);
        }
    }

    @Test
    void answersAConfiguredPermanentErrorForGivenNumbers() throws Exception {
        simulator = TestSimulators.start(Map.of(
                "simulator.rules.invalid.numbers", "+15550000013",
                "simulator.rules.invalid.submit-error.status", "ESME_RINVDSTADR"));
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            assertThatThrownBy(() -> client.submit(OUR_NUMBER, "15550000013", "hi"))
                    .isInstanceOfSatisfying(NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVDSTADR));
            assertThat(client.submit(OUR_NUMBER, HANDSET, "hi")).isNotBlank();

            assertThat(simulator.submissions()).extracting(Submission::status).containsExactly("ESME_RINVDSTADR", "ESME_ROK");
        }
    }

    @Test
    void throttlesSubmitsBeyondTheBindsTps() throws Exception {
        simulator = TestSimulators.start(Map.of("simulator.behaviour.tps", "3"));
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            for (int i = 0; i < 3; i++) {
                client.submit(OUR_NUMBER, HANDSET, "burst " + i);
            }
            assertThatThrownBy(() -> client.submit(OUR_NUMBER, HANDSET, "one too many"))
                    .isInstanceOfSatisfying(NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RTHROTTLED));
            assertThat(simulator.submissions()).filteredOn(s -> !s.accepted()).singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo("ESME_RTHROTTLED"));
        }
    }

    @Test
    void appliesARuleSetAtRuntimeAndForgetsItWhenRemoved() throws Exception {
        simulator = TestSimulators.start();
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            simulator.putRule("throttle-all", Map.of("submit-error.status", "ESME_RTHROTTLED"));
            assertThatThrownBy(() -> client.submit(OUR_NUMBER, HANDSET, "now throttled"))
                    .isInstanceOfSatisfying(NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RTHROTTLED));

            simulator.removeRule("throttle-all");
            assertThat(client.submit(OUR_NUMBER, HANDSET, "accepted again")).isNotBlank();
        }
    }

    @Test
    void sendsOneReceiptPerSegmentEachWithItsOwnCarrierId() throws Exception {
        simulator = TestSimulators.start();
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            for (int part = 1; part <= 3; part++) {
                byte[] udh = {0x05, 0x00, 0x03, 0x2A, 0x03, (byte) part};
                byte[] body = ("part " + part).getBytes(StandardCharsets.US_ASCII);
                byte[] payload = new byte[udh.length + body.length];
                System.arraycopy(udh, 0, payload, 0, udh.length);
                System.arraycopy(body, 0, payload, udh.length, body.length);
                client.submit(OUR_NUMBER, HANDSET, new ESMClass(0x40), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), payload);
            }

            assertThat(simulator.submissions()).extracting(Submission::segment).containsExactly(
                    new SegmentInfo(SegmentInfo.Method.UDH_8BIT_REF, 0x2A, 3, 1),
                    new SegmentInfo(SegmentInfo.Method.UDH_8BIT_REF, 0x2A, 3, 2),
                    new SegmentInfo(SegmentInfo.Method.UDH_8BIT_REF, 0x2A, 3, 3));
            assertThat(simulator.submissions()).extracting(s -> s.text().orElseThrow()).containsExactly("part 1", "part 2", "part 3");
            await().until(() -> client.receipts().size() == 3);
            assertThat(client.receipts()).extracting(r -> r.getOptionalParameter(OptionalParameter.Receipted_message_id.class)
                    .getValueAsString()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(simulator.submissions().stream().map(s -> s.messageId().orElseThrow()).toList());
        }
    }

    @Test
    void recordsSarTlvsAndMessagePayloadSegments() throws Exception {
        simulator = TestSimulators.start();
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            client.submit(OUR_NUMBER, HANDSET, "first half",
                    OptionalParameters.newSarMsgRefNum((short) 700), OptionalParameters.newSarTotalSegments(2),
                    OptionalParameters.newSarSegmentSeqnum(1));
            client.submit(OUR_NUMBER, HANDSET, new ESMClass(), new GeneralDataCoding(Alphabet.ALPHA_UCS2), new byte[0],
                    new OptionalParameter.Message_payload("über".getBytes(StandardCharsets.UTF_16BE)));

            assertThat(simulator.submissions().get(0).segment()).isEqualTo(new SegmentInfo(SegmentInfo.Method.SAR_TLV, 700, 2, 1));
            assertThat(simulator.submissions().get(1)).satisfies(s -> {
                assertThat(s.inMessagePayload()).isTrue();
                assertThat(s.dataCoding()).isEqualTo(8);
                assertThat(s.text()).contains("über");
            });
        }
    }

    @Test
    void keepsReceiptsQueuedUntilAReceiverOfTheSameSystemIdBinds() throws Exception {
        simulator = TestSimulators.start();
        try (SmppTestClient transmitter = SmppTestClient.bind(simulator, org.jsmpp.bean.BindType.BIND_TX, "relay", "relay")) {
            transmitter.submit(OUR_NUMBER, HANDSET, "who gets the receipt?");

            await().untilAsserted(() -> assertThat(simulator.deliveries()).singleElement()
                    .satisfies(b -> assertThat(b.queued()).isEqualTo(1)));
            try (SmppTestClient receiver = SmppTestClient.bind(simulator, org.jsmpp.bean.BindType.BIND_RX, "relay", "relay")) {
                await().until(() -> receiver.receipts().size() == 1);
                assertThat(simulator.deliveries().get(0).queued()).isZero();
                assertThat(simulator.deliveries().get(0).sent()).isEqualTo(1);
            }
        }
    }

    @Test
    void neverSendsTheShareOfReceiptsItIsToldToWithhold() throws Exception {
        simulator = TestSimulators.start(Map.of("simulator.behaviour.receipt.never-share", "1.0"));
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            client.submit(OUR_NUMBER, HANDSET, "into the void");
            client.submit(OUR_NUMBER, HANDSET, "also into the void");
            simulator.putRule("receipts-again", Map.of("receipt.never-share", "0"));
            client.submit(OUR_NUMBER, HANDSET, "and this one");

            await().until(() -> client.receipts().size() == 1);
            assertThat(new String(client.receipts().get(0).getShortMessage(), StandardCharsets.US_ASCII)).endsWith("text:and this one");
            assertThat(simulator.scrapeMetrics()).contains("simulator_receipts_withheld_total{system_id=\"relay\"} 2.0");
        }
    }
}
