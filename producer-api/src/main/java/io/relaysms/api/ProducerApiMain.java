package io.relaysms.api;

import io.relaysms.api.config.ApiSettings;
import io.relaysms.config.ServiceMain;

/**
 * Runs the producer API on its own: {@code java -cp ... io.relaysms.api.ProducerApiMain [config.yaml]} (else the
 * file named by {@code RELAY_CONFIG}, else none), until the process is stopped; SIGTERM or Ctrl-C closes it cleanly.
 * What it does when it cannot start, and its exit codes, are {@link ServiceMain}'s.
 */
public final class ProducerApiMain {

    private ProducerApiMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run("producer-api", "java -cp relay-platform.jar io.relaysms.api.ProducerApiMain",
                ApiSettings.PORTS, args, ProducerApiService::start, service -> { });
    }
}
