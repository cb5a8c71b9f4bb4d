package io.relaysms.platform;

import io.relaysms.api.config.ApiSettings;
import io.relaysms.config.ExplainedFailure;
import io.relaysms.config.PortAdvice;
import io.relaysms.dispatcher.DispatcherConfig;
import io.relaysms.optout.OptOutSettings;
import io.relaysms.simulator.config.SimulatorConfigDefinition;
import io.relaysms.tracker.config.TrackerConfigDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which settings move the ports of each part of the platform, for the message of a start that failed because a port
 * was taken: a newcomer with a Kafka of their own on 9092, or a second platform left running, should learn from the
 * error how to start anyway.
 */
final class PortSettings {

    static final String KAFKA_BROKER = "Kafka broker";
    static final String CARRIER_SIMULATOR = "carrier simulator";

    private static final Map<String, List<String>> BY_PART = Map.of(
            KAFKA_BROKER, List.of(PlatformConfig.KAFKA_PORT, PlatformConfig.KAFKA_CONTROLLER_PORT),
            CARRIER_SIMULATOR, SimulatorConfigDefinition.PORTS,
            "producer-api", ApiSettings.PORTS,
            "dispatcher", DispatcherConfig.PORTS,
            "delivery-tracker", TrackerConfigDefinition.PORTS,
            "optout-processor", OptOutSettings.PORTS);

    private PortSettings() {
    }

    /** A start that failed because a port was taken; its message says which settings move the port. */
    static final class PortTakenException extends IllegalStateException implements ExplainedFailure {
        PortTakenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The start failure of {@code part}, with the settings that move its ports when a port was already taken. */
    static RuntimeException explain(String part, RuntimeException failure) {
        return advice(part, failure)
                .<RuntimeException>map(advice -> new PortTakenException(failure.getMessage() + "\n" + advice, failure))
                .orElse(failure);
    }

    private static Optional<String> advice(String part, Throwable failure) {
        return PortAdvice.forFailure(part, BY_PART.getOrDefault(part, List.of()), failure);
    }
}
