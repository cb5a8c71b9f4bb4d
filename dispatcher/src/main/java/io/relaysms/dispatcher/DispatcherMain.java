package io.relaysms.dispatcher;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one dispatcher worker: {@code java -cp ... io.relaysms.dispatcher.DispatcherMain [config-file]}; without
 * an argument the file named by {@code RELAY_CONFIG} is read, if any. Stops cleanly on SIGTERM / Ctrl-C.
 */
public final class DispatcherMain {

    private DispatcherMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0]))
                : Optional.ofNullable(System.getenv("RELAY_CONFIG")).filter(s -> !s.isBlank()).map(Path::of);
        DispatcherService service;
        try {
            service = DispatcherService.start(RelaySettings.load(file));
        } catch (InvalidConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "dispatcher-shutdown"));
        stopped.await();
    }
}
