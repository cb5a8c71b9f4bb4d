package io.relaysms.config.carriers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The carriers a deployment talks to, from {@code carriers.<id>.<attribute>} keys:
 * <pre>
 * carriers.simulator.protocol=smpp     # smpp | http
 * carriers.simulator.host=127.0.0.1
 * carriers.simulator.port=2775
 * carriers.simulator.system-id=relay
 * carriers.simulator.password=secret
 * </pre>
 */
public final class CarrierRoutes {

    public static final String PREFIX = "carriers.";

    private final Map<String, CarrierRoute> byId;

    private CarrierRoutes(Map<String, CarrierRoute> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static CarrierRoutes parse(Map<String, String> settings, List<String> problems) {
        Map<String, Map<String, String>> grouped = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                String rest = key.substring(PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot <= 0) {
                    problems.add(key + ": expected carriers.<id>.<attribute>");
                } else {
                    grouped.computeIfAbsent(rest.substring(0, dot), id -> new TreeMap<>()).put(rest.substring(dot + 1), value);
                }
            }
        });
        Map<String, CarrierRoute> byId = new LinkedHashMap<>();
        grouped.forEach((id, attributes) -> {
            String protocol = attributes.getOrDefault("protocol", "smpp").trim();
            if (!CarrierAttributes.protocols().contains(protocol)) {
                problems.add(PREFIX + id + ".protocol: must be smpp or http (was '" + protocol + "')");
                return;
            }
            attributes.keySet().stream().filter(name -> !CarrierAttributes.isKnown(protocol, name))
                    .forEach(name -> problems.add(PREFIX + id + "." + name + ": unknown attribute of an " + protocol
                            + " carrier (known: " + String.join(", ", CarrierAttributes.of(protocol)) + ")"));
            Map<String, String> rest = new TreeMap<>(attributes);
            rest.remove("protocol");
            byId.put(id, new CarrierRoute(id, protocol, rest));
        });
        return new CarrierRoutes(byId);
    }

    public Optional<CarrierRoute> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    public Collection<CarrierRoute> all() {
        return byId.values();
    }
}
