package io.relaysms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.simulator.ids.MessageIdFormat;
import io.relaysms.simulator.smpp.Accounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

    @Test
    void worksOutOfTheBoxWithTheDefaultAccount() {
        SimulatorSettings settings = SimulatorSettings.of(Map.of());

        assertThat(settings.smpp().port()).isEqualTo(2775);
        assertThat(settings.adminPort()).isEqualTo(8775);
        assertThat(settings.accounts().all()).containsExactly(Accounts.DEFAULT);
        assertThat(settings.moDefaultSystemId()).isEqualTo("relay");
        assertThat(settings.responseIdFormat()).isEqualTo(MessageIdFormat.LOWER_HEX);
        assertThat(settings.receiptIdFormat()).isEqualTo(MessageIdFormat.LOWER_HEX);
    }

    @Test
    void readsAccountsRulesAndOwnedNumbers() {
        SimulatorSettings settings = SimulatorSettings.of(Map.of(
                "simulator.accounts.acme.password", "pw",
                "simulator.accounts.acme.max-binds", "3",
                "simulator.rules.uk.prefix", "+44",
                "simulator.rules.uk.tps", "1",
                "numbers.+18005550100.type", "toll-free",
                "numbers.+18005550100.route", "sim",
                "carriers.sim.protocol", "smpp"));

        assertThat(settings.accounts().get("acme")).hasValueSatisfying(a -> assertThat(a.maxBinds()).isEqualTo(3));
        assertThat(settings.rules()).containsEntry("uk", Map.of("prefix", "+44", "tps", "1"));
        assertThat(settings.ownedNumbers()).containsExactly("+18005550100");
    }

    @Test
    void listsEveryProblemOfTheSimulatorsOwnKeys() {
        assertThatThrownBy(() -> SimulatorSettings.of(Map.of(
                "simulator.accounts.acme.pasword", "pw",
                "simulator.rules.uk.tsp", "1",
                "simulator.message-id.width", "wide",
                "simulator.handsets.reply.stop-share", "0.7",
                "simulator.handsets.reply.help-share", "0.7",
                "simulator.mo.default-system-id", "nobody")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("simulator.accounts.acme.pasword: unknown account key"))
                        .anySatisfy(p -> assertThat(p).startsWith("simulator.accounts.acme.password:"))
                        .anySatisfy(p -> assertThat(p).startsWith("simulator.rules.uk.tsp: unknown rule key"))
                        .anySatisfy(p -> assertThat(p).startsWith("simulator.message-id.width:"))
                        .anySatisfy(p -> assertThat(p).startsWith("simulator.handsets.reply.*-share:"))
                        .anySatisfy(p -> assertThat(p).startsWith("simulator.mo.default-system-id: no account 'nobody'")));
    }

    @Test
    void refusesUnknownSimulatorKeys() {
        assertThatThrownBy(() -> SimulatorSettings.of(Map.of("simulator.smpp.prot", "1")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("simulator.smpp.prot: unknown key for simulator; did you mean simulator.smpp.port?"));
    }
}
