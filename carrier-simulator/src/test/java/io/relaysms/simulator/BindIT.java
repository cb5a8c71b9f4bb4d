package io.relaysms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BindIT {

    private final CarrierSimulator simulator = TestSimulators.start(Map.of(
            "simulator.accounts.relay.password", "s3cret",
            "simulator.accounts.relay.max-binds", "2"));

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @EnumSource(BindType.class)
    void acceptsEveryBindTypeWithTheConfiguredCredentials(BindType type) throws IOException {
        try (SmppTestClient client = SmppTestClient.bind(simulator, type, "relay", "s3cret")) {
            assertThat(client.session.getSessionState().isBound()).isTrue();
            await().untilAsserted(() -> assertThat(simulator.binds()).singleElement()
                    .satisfies(b -> assertThat(b.bindType()).isEqualTo(type)));
        }
    }

    @Test
    void refusesABindWithAWrongPassword() {
        assertThatThrownBy(() -> SmppTestClient.bind(simulator, BindType.BIND_TRX, "relay", "wrong"))
                .hasCauseInstanceOf(NegativeResponseException.class)
                .cause().extracting(e -> ((NegativeResponseException) e).getCommandStatus())
                .isEqualTo(SMPPConstant.STAT_ESME_RINVPASWD);
    }

    @Test
    void refusesABindOfAnUnknownSystemId() {
        assertThatThrownBy(() -> SmppTestClient.bind(simulator, BindType.BIND_TRX, "nobody", "s3cret"))
                .cause().extracting(e -> ((NegativeResponseException) e).getCommandStatus())
                .isEqualTo(SMPPConstant.STAT_ESME_RINVSYSID);
    }

    @Test
    void refusesBindsBeyondTheAccountsLimit() throws IOException {
        try (SmppTestClient first = SmppTestClient.bind(simulator, BindType.BIND_TRX, "relay", "s3cret");
             SmppTestClient second = SmppTestClient.bind(simulator, BindType.BIND_TRX, "relay", "s3cret")) {
            assertThat(first.isClosed() || second.isClosed()).isFalse();
            assertThatThrownBy(() -> SmppTestClient.bind(simulator, BindType.BIND_TRX, "relay", "s3cret"))
                    .cause().extracting(e -> ((NegativeResponseException) e).getCommandStatus())
                    .isEqualTo(SMPPConstant.STAT_ESME_RBINDFAIL);
        }
    }

    @Test
    void refusesBindsWhileToldToAndAcceptsThemAgainAfterwards() throws IOException {
        simulator.acceptBinds(false);
        assertThatThrownBy(() -> SmppTestClient.bind(simulator, BindType.BIND_TRX, "relay", "s3cret"))
                .cause().extracting(e -> ((NegativeResponseException) e).getCommandStatus())
                .isEqualTo(SMPPConstant.STAT_ESME_RBINDFAIL);

        simulator.acceptBinds(true);
        try (SmppTestClient client = SmppTestClient.bind(simulator, BindType.BIND_TRX, "relay", "s3cret")) {
            assertThat(client.session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
        }
    }

    @Test
    void answersEnquireLink() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", simulator.smppPort())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(16);
            out.writeInt(SMPPConstant.CID_ENQUIRE_LINK);
            out.writeInt(0);
            out.writeInt(7);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(in.readInt()).isEqualTo(16);
            assertThat(in.readInt()).isEqualTo(SMPPConstant.CID_ENQUIRE_LINK_RESP);
            assertThat(in.readInt()).isZero();
            assertThat(in.readInt()).isEqualTo(7);
        }
    }

    @Test
    void dropsEveryBindWhenToldSoAndTakesNewOnes() throws IOException {
        try (SmppTestClient client = SmppTestClient.bind(simulator, BindType.BIND_TRX, "relay", "s3cret")) {
            // The client is bound once bind_resp arrives; the simulator lists the session just after sending it.
            await().until(() -> simulator.binds().size() == 1);
            assertThat(simulator.dropBinds(false)).isEqualTo(1);

            await().until(client::isClosed);
            await().until(() -> simulator.binds().isEmpty());
        }
        try (SmppTestClient again = SmppTestClient.bind(simulator, BindType.BIND_TRX, "relay", "s3cret")) {
            assertThat(again.session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
        }
    }

    @Test
    void unbindsEverySessionWhenToldToDropWithAnUnbind() throws IOException {
        try (SmppTestClient client = SmppTestClient.bind(simulator, BindType.BIND_TX, "relay", "s3cret")) {
            await().until(() -> simulator.binds().size() == 1);
            assertThat(simulator.dropBinds(true)).isEqualTo(1);

            await().until(client::isClosed);
        }
    }
}
