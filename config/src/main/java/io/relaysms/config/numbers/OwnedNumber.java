package io.relaysms.config.numbers;

import java.util.Map;
import java.util.Optional;

/**
 * A sender this deployment owns: its canonical address, its type, the carrier route it sends through and
 * an optional failover route. Everything else configured for it (rate limit overrides, auto-reply texts)
 * stays in {@link #attributes()} under the key that follows the number, e.g. {@code rate-limit.per-minute}.
 */
public record OwnedNumber(
        String number,
        NumberType type,
        String route,
        Optional<String> failoverRoute,
        String regionCode,
        Map<String, String> attributes) {

    public OwnedNumber {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
