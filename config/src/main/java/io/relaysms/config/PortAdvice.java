package io.relaysms.config;

import java.net.BindException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What to tell someone whose service did not start because a port was taken (a second instance on the same host, a
 * Kafka of their own on 9092): which settings move that service's ports, in the file and in the environment.
 */
public final class PortAdvice {

    private PortAdvice() {
    }

    /** The advice for {@code part} whose ports {@code keys} set, if {@code failure} was caused by a port in use. */
    public static Optional<String> forFailure(String part, List<String> keys, Throwable failure) {
        if (keys.isEmpty() || !portTaken(failure)) {
            return Optional.empty();
        }
        return Optional.of("The " + part + "'s ports are set by " + String.join(", ", keys) + " in the configuration file, "
                + "or by the environment: " + keys.stream().map(key -> EnvironmentOverrides.environmentName(key) + "=<port>")
                .collect(Collectors.joining(", ")) + " (0 picks a free port).");
    }

    private static boolean portTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
