package io.relaysms.simulator;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own: {@code java -jar relay-carrier-simulator.jar [config.yaml|config.properties]}.
 * Settings come from the optional file (or the one {@code RELAY_CONFIG} names, as for every Relay service) plus
 * {@code RELAY_*} environment overrides; it stops cleanly (unbinding every session) on SIGINT/SIGTERM.
 */
public final class CarrierSimulatorMain {

    private CarrierSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
            System.err.println("usage: java -jar relay-carrier-simulator.jar [config.yaml|config.properties]");
            System.exit(2);
        }
        Optional<Path> file = args.length == 1 ? Optional.of(Path.of(args[0]))
                : Optional.ofNullable(System.getenv("RELAY_CONFIG")).filter(name -> !name.isBlank()).map(Path::of);
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            System.err.println("configuration file not found: " + file.get().toAbsolutePath());
            System.exit(2);
        }
        CarrierSimulator simulator;
        try {
            simulator = CarrierSimulator.start(SimulatorSettings.of(RelaySettings.load(file)));
        } catch (InvalidConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        System.out.println("carrier simulator: SMPP " + simulator.smppHost() + ":" + simulator.smppPort()
                + ", admin " + simulator.adminUri());
        stopped.await();
    }
}
