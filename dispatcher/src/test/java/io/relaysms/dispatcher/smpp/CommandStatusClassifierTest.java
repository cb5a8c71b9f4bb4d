package io.relaysms.dispatcher.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.dispatcher.carrier.SubmitOutcome;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandStatusClassifierTest {

    private final CommandStatusClassifier standard = new CommandStatusClassifier(Set.of(), Set.of());

    @Test
    void throttlingStatusesSlowDown() {
        assertThat(standard.classify(0x58)).isInstanceOf(SubmitOutcome.Throttled.class);
        assertThat(standard.classify(0x14)).isInstanceOf(SubmitOutcome.Throttled.class);
    }

    @Test
    void systemErrorsAreRetried() {
        assertThat(standard.classify(0x08)).isInstanceOf(SubmitOutcome.Retryable.class);
        assertThat(standard.classify(0x45)).isInstanceOf(SubmitOutcome.Retryable.class);
    }

    @Test
    void aBadAddressIsPermanentAndNamed() {
        SubmitOutcome outcome = standard.classify(0x0B);

        assertThat(outcome).isInstanceOf(SubmitOutcome.Permanent.class);
        assertThat(outcome.description()).isEqualTo("ESME_RINVDSTADR (0x0000000B)");
    }

    @Test
    void aCarriersOwnCodesAreAddedFromConfiguration() {
        CommandStatusClassifier custom = new CommandStatusClassifier(Set.of(0x400), Set.of(0x401, 0x58));

        assertThat(custom.classify(0x400)).isInstanceOf(SubmitOutcome.Throttled.class);
        assertThat(custom.classify(0x401)).isInstanceOf(SubmitOutcome.Retryable.class);
        assertThat(custom.classify(0x58)).isInstanceOf(SubmitOutcome.Throttled.class);
    }
}
