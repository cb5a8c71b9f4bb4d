package io.relaysms.optout;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the opt-out processor on its own: {@code java -cp ... io.relaysms.optout.OptOutProcessorMain [config file]}.
 * The configuration file is the first argument, else the {@code RELAY_CONFIG} environment variable, else none
 * (defaults plus {@code RELAY_*} variables). A shutdown hook closes the service cleanly.
 */
public final class OptOutProcessorMain {

    private OptOutProcessorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0]))
                : Optional.ofNullable(System.getenv("RELAY_CONFIG")).filter(s -> !s.isBlank()).map(Path::of);
        OptOutProcessorService service;
        try {
            service = OptOutProcessorService.start(RelaySettings.load(file));
        } catch (InvalidConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "optout-processor-shutdown"));
        stopped.await();
    }
}
