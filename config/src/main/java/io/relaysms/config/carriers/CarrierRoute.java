package io.relaysms.config.carriers;

import java.util.Map;
import java.util.Optional;

/**
 * One carrier connection as configured under {@code carriers.<id>.*}. The protocol-specific settings
 * (host, port, credentials, binds, window, TPS, how the carrier spells its message ids) stay as attributes,
 * typed by the module that uses them.
 */
public record CarrierRoute(String id, String protocol, Map<String, String> attributes) {

    public CarrierRoute {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public String attribute(String name, String defaultValue) {
        return attributes.getOrDefault(name, defaultValue);
    }

    public int intAttribute(String name, int defaultValue) {
        String value = attributes.get(name);
        return value == null ? defaultValue : Integer.parseInt(value.trim());
    }

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder("CarrierRoute[" + id + ", " + protocol);
        attributes.forEach((k, v) -> shown.append(", ").append(k).append('=')
                .append(k.contains("password") || k.contains("secret") ? "[hidden]" : v));
        return shown.append(']').toString();
    }
}
