package io.relaysms.simulator;

import io.relaysms.config.ServiceMain;
import io.relaysms.simulator.config.SimulatorConfigDefinition;

/**
 * Runs the simulator on its own: {@code java -jar relay-carrier-simulator.jar [config.yaml|config.properties]}.
 * Settings come from the optional file (or the one {@code RELAY_CONFIG} names, as for every Relay service) plus
 * {@code RELAY_*} environment overrides; it stops cleanly (unbinding every session) on SIGINT/SIGTERM. What it does
 * when it cannot start, and its exit codes, are {@link ServiceMain}'s.
 */
public final class CarrierSimulatorMain {

    private CarrierSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run("carrier-simulator", "java -jar relay-carrier-simulator.jar",
                SimulatorConfigDefinition.PORTS, args,
                settings -> CarrierSimulator.start(SimulatorSettings.of(settings)),
                simulator -> System.out.println("carrier simulator: SMPP " + simulator.smppHost() + ":" + simulator.smppPort()
                        + ", admin " + simulator.adminUri()));
    }
}
