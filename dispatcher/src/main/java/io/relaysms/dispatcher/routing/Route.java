package io.relaysms.dispatcher.routing;

import io.relaysms.config.numbers.OwnedNumber;
import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.ratelimit.RateLimit;
import java.util.Optional;

/**
 * Where one owned number's messages go: its carrier connection, an optional failover connection, and its rate
 * limit. The connection used for an attempt is the primary while it is available, else the failover.
 */
public record Route(OwnedNumber number, CarrierConnection primary, Optional<CarrierConnection> failover, RateLimit limit) {

    /** The connection to try now, or empty when neither has a chance (no bound session anywhere). */
    public Optional<CarrierConnection> choose() {
        if (primary.isAvailable()) {
            return Optional.of(primary);
        }
        return failover.filter(CarrierConnection::isAvailable);
    }
}
