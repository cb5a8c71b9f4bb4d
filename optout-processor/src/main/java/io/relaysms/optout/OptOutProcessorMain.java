package io.relaysms.optout;

import io.relaysms.config.ServiceMain;

/**
 * Runs the opt-out processor on its own: {@code java -cp ... io.relaysms.optout.OptOutProcessorMain [config file]}.
 * The configuration file is the first argument, else the {@code RELAY_CONFIG} environment variable, else none
 * (defaults plus {@code RELAY_*} variables). SIGTERM or Ctrl-C closes it cleanly. What it does when it cannot start,
 * and its exit codes, are {@link ServiceMain}'s.
 */
public final class OptOutProcessorMain {

    private OptOutProcessorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run("optout-processor", "java -cp relay-platform.jar io.relaysms.optout.OptOutProcessorMain",
                OptOutSettings.PORTS, args, OptOutProcessorService::start, service -> { });
    }
}
