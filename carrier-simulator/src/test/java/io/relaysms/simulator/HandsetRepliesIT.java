package io.relaysms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaysms.simulator.codec.Gsm7Alphabet;
import java.util.Map;
import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.Test;

class HandsetRepliesIT {

    @Test
    void recipientsOfAReplyRuleAnswerAfterTheirMessage() throws Exception {
        try (CarrierSimulator simulator = TestSimulators.start(Map.of(
                "simulator.rules.stoppers.numbers", "+15550000007",
                "simulator.rules.stoppers.reply.text", "STOP"));
             SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            client.submit("18005550100", "15550000007", "Your code is 1234");
            client.submit("18005550100", "15550000008", "Your code is 5678");

            await().until(() -> client.mobileOriginated().size() == 1);
            DeliverSm reply = client.mobileOriginated().get(0);
            assertThat(reply.getSourceAddr()).isEqualTo("15550000007");
            assertThat(reply.getDestAddress()).isEqualTo("18005550100");
            assertThat(new Gsm7Alphabet().decode(reply.getShortMessage())).isEqualTo("STOP");
        }
    }

    @Test
    void theConfiguredShareOfRecipientsAnswersStop() throws Exception {
        try (CarrierSimulator simulator = TestSimulators.start(Map.of(
                "simulator.handsets.reply.stop-share", "0.5",
                "simulator.handsets.reply.delay.min-ms", "0",
                "simulator.handsets.reply.delay.max-ms", "0"));
             SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            for (int i = 0; i < 40; i++) {
                client.submit("18005550100", String.format("155500001%02d", i), "hello " + i);
            }

            await().until(() -> client.receipts().size() == 40);
            await().untilAsserted(() -> assertThat(client.mobileOriginated()).hasSizeBetween(10, 30)
                    .allSatisfy(mo -> assertThat(new Gsm7Alphabet().decode(mo.getShortMessage())).isEqualTo("STOP")));
        }
    }
}
