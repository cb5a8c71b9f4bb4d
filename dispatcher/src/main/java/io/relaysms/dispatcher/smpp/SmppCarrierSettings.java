package io.relaysms.dispatcher.smpp;

import io.relaysms.config.carriers.CarrierRoute;
import io.relaysms.dispatcher.segment.Concatenation;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SMPP attributes of one {@code carriers.<id>.*} route, typed and checked:
 * <pre>
 * host, port                      the SMSC (port default 2775)
 * system-id, password, system-type credentials of the bind
 * binds                           transceiver binds to keep open (default 1)
 * window                          submits in flight per bind (default 10)
 * tls                             true: TLS on the connection (default false); tls.trust-all for test SMSCs
 * tps                             submits per second over the whole route, 0 = no cap (default 0)
 * enquire-link-interval-ms        keepalive period (default 30000)
 * response-timeout-ms             wait for a response PDU (default 10000)
 * bind-timeout-ms                 wait for bind_resp (default 10000)
 * reconnect-initial-ms / -max-ms  backoff between bind attempts (default 1000 / 30000)
 * count                           segments | messages: what the number's limit counts (default segments)
 * concatenation                   udh | sar | payload (default udh)
 * registered-delivery             ask for receipts (default true)
 * throttled-statuses              extra command_status values (hex or decimal) meaning "slow down"
 * retryable-statuses              extra command_status values meaning "try again later"
 * </pre>
 */
public record SmppCarrierSettings(
        String carrierId, String host, int port, String systemId, String password, String systemType,
        int binds, int window, boolean tls, boolean tlsTrustAll, double tps, int enquireLinkMillis,
        long responseTimeoutMillis, long bindTimeoutMillis, long reconnectInitialMillis, long reconnectMaxMillis,
        boolean countsSegments, Concatenation concatenation, boolean registeredDelivery,
        Set<Integer> throttledStatuses, Set<Integer> retryableStatuses) {

    public static SmppCarrierSettings from(CarrierRoute route, List<String> problems) {
        String where = "carriers." + route.id() + ".";
        Reader r = new Reader(route, where, problems);
        String host = route.attribute("host").orElse("");
        if (host.isBlank()) {
            problems.add(where + "host: an SMPP carrier needs the SMSC's host");
        }
        String count = route.attribute("count", "segments").trim().toLowerCase(Locale.ROOT);
        if (!count.equals("segments") && !count.equals("messages")) {
            problems.add(where + "count: must be segments or messages (was '" + count + "')");
        }
        Concatenation concatenation = Concatenation.UDH;
        try {
            concatenation = Concatenation.parse(route.attribute("concatenation", "udh"));
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
        }
        return new SmppCarrierSettings(route.id(), host, r.integer("port", 2775, 1, 65535),
                route.attribute("system-id", ""), route.attribute("password", ""), route.attribute("system-type", ""),
                r.integer("binds", 1, 1, 64), r.integer("window", 10, 1, 1000), r.bool("tls", false),
                r.bool("tls.trust-all", false), r.integer("tps", 0, 0, 1_000_000),
                r.integer("enquire-link-interval-ms", 30_000, 1_000, 3_600_000),
                r.integer("response-timeout-ms", 10_000, 100, 600_000), r.integer("bind-timeout-ms", 10_000, 100, 600_000),
                r.integer("reconnect-initial-ms", 1_000, 10, 600_000), r.integer("reconnect-max-ms", 30_000, 10, 3_600_000),
                !count.equals("messages"), concatenation, r.bool("registered-delivery", true),
                r.statuses("throttled-statuses"), r.statuses("retryable-statuses"));
    }

    @Override
    public String toString() {
        return "SMPP " + carrierId + " " + systemId + "@" + host + ":" + port + (tls ? " (TLS)" : "") + ", " + binds
                + " bind(s) x window " + window;
    }

    /** Reads typed attributes, appending a readable problem for each bad one. */
    private record Reader(CarrierRoute route, String where, List<String> problems) {

        int integer(String name, int defaultValue, int min, int max) {
            String raw = route.attribute(name).orElse(null);
            if (raw == null) {
                return defaultValue;
            }
            try {
                int value = Integer.parseInt(raw.trim());
                if (value < min || value > max) {
                    problems.add(where + name + ": must be between " + min + " and " + max + " (was " + value + ")");
                    return defaultValue;
                }
                return value;
            } catch (NumberFormatException e) {
                problems.add(where + name + ": must be a whole number (was '" + raw + "')");
                return defaultValue;
            }
        }

        boolean bool(String name, boolean defaultValue) {
            String raw = route.attribute(name).orElse(null);
            if (raw == null) {
                return defaultValue;
            }
            String v = raw.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                problems.add(where + name + ": must be true or false (was '" + raw + "')");
                return defaultValue;
            }
            return Boolean.parseBoolean(v);
        }

        Set<Integer> statuses(String name) {
            Set<Integer> statuses = new TreeSet<>();
            for (String item : route.attribute(name, "").split(",")) {
                String v = item.trim().toLowerCase(Locale.ROOT);
                if (v.isEmpty()) {
                    continue;
                }
                try {
                    statuses.add(v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v));
                } catch (NumberFormatException e) {
                    problems.add(where + name + ": '" + item.trim() + "' is not a command_status (use 0x58 or 88)");
                }
            }
            return statuses;
        }
    }
}
