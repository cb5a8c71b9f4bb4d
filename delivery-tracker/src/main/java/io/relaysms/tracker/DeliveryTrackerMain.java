package io.relaysms.tracker;

import io.relaysms.config.ServiceMain;
import io.relaysms.tracker.config.TrackerConfigDefinition;

/**
 * Runs the delivery tracker on its own: {@code java -cp ... io.relaysms.tracker.DeliveryTrackerMain [config-file]}.
 * The configuration file is the first argument, else the {@code RELAY_CONFIG} environment variable, else none
 * (environment and defaults only). Closes cleanly on SIGTERM or Ctrl-C. What it does when it cannot start, and its
 * exit codes, are {@link ServiceMain}'s.
 */
public final class DeliveryTrackerMain {

    private DeliveryTrackerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run("delivery-tracker", "java -cp relay-platform.jar io.relaysms.tracker.DeliveryTrackerMain",
                TrackerConfigDefinition.PORTS, args, DeliveryTrackerService::start, service -> { });
    }
}
