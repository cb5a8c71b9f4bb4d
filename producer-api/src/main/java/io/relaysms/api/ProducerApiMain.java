package io.relaysms.api;

import io.relaysms.config.RelaySettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the producer API on its own: {@code java -cp ... io.relaysms.api.ProducerApiMain [config.yaml]} (else the
 * file named by {@code RELAY_CONFIG}, else none), until the process is stopped; a shutdown hook closes it cleanly.
 */
public final class ProducerApiMain {

    private ProducerApiMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0]))
                : Optional.ofNullable(System.getenv("RELAY_CONFIG")).filter(s -> !s.isBlank()).map(Path::of);
        ProducerApiService service = ProducerApiService.start(RelaySettings.load(file));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "relay-api-shutdown"));
        stopped.await();
    }
}
