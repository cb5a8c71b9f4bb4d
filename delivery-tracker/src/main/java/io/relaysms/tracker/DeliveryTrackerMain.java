package io.relaysms.tracker;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the delivery tracker on its own: {@code java -jar ... [config-file]}. The configuration file is the first
 * argument, else the {@code RELAY_CONFIG} environment variable, else none (environment and defaults only). Exits with
 * status 2 and every problem listed when the configuration is invalid; closes cleanly on SIGTERM.
 */
public final class DeliveryTrackerMain {

    private static final Logger log = LoggerFactory.getLogger(DeliveryTrackerMain.class);

    private DeliveryTrackerMain() {
    }

    public static void main(String[] args) {
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0]))
                : Optional.ofNullable(System.getenv("RELAY_CONFIG")).filter(s -> !s.isBlank()).map(Path::of);
        DeliveryTrackerService service;
        try {
            service = DeliveryTrackerService.start(RelaySettings.load(file));
        } catch (InvalidConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            log.error("the delivery tracker could not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "delivery-tracker-shutdown"));
    }
}
