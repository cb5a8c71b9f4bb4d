package io.relaysms.simulator;

import java.util.HashMap;
import java.util.Map;

/** Simulators for tests: ephemeral ports, receipts at once, plus whatever the test sets. */
final class TestSimulators {

    private TestSimulators() {
    }

    static CarrierSimulator start(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "simulator.smpp.port", "0",
                "simulator.admin.port", "0",
                "simulator.behaviour.receipt.delay.min-ms", "0",
                "simulator.behaviour.receipt.delay.max-ms", "0",
                "simulator.random.seed", "42"));
        all.putAll(settings);
        return CarrierSimulator.start(SimulatorSettings.of(all));
    }

    static CarrierSimulator start() {
        return start(Map.of());
    }
}
