package io.relaysms.dispatcher;

import io.relaysms.config.ServiceMain;

/**
 * Runs one dispatcher worker: {@code java -cp ... io.relaysms.dispatcher.DispatcherMain [config-file]}; without
 * an argument the file named by {@code RELAY_CONFIG} is read, if any. Stops cleanly on SIGTERM / Ctrl-C. What it does
 * when it cannot start, and its exit codes, are {@link ServiceMain}'s.
 */
public final class DispatcherMain {

    private DispatcherMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run("dispatcher", "java -cp relay-platform.jar io.relaysms.dispatcher.DispatcherMain",
                DispatcherConfig.PORTS, args, DispatcherService::start, service -> { });
    }
}
