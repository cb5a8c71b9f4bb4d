package io.relaysms.config.carriers;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The attributes a carrier entry may have, per protocol, so a misspelt one ({@code carriers.sim.windw}) stops start-up
 * instead of leaving its default in place. The modules that read them type and check the values: the dispatcher the
 * connection and submit settings (dispatcher/README.md), the delivery tracker how the carrier spells its message ids
 * and packs inbound text (delivery-tracker/README.md). A module that reads a new attribute lists it here too.
 */
final class CarrierAttributes {

    /** Read for every protocol: what a number's limit counts, the carrier's own rate, its id formats. */
    private static final Set<String> COMMON = Set.of("protocol", "count", "tps", "submit-id-format", "receipt-id-format");

    private static final Map<String, Set<String>> BY_PROTOCOL = Map.of(
            "smpp", Set.of("host", "port", "system-id", "password", "system-type", "binds", "window", "tls", "tls.trust-all",
                    "enquire-link-interval-ms", "response-timeout-ms", "bind-timeout-ms", "reconnect-initial-ms",
                    "reconnect-max-ms", "concatenation", "registered-delivery", "throttled-statuses", "retryable-statuses",
                    "inbound-gsm7-packing"),
            "http", Set.of("url", "api-key", "timeout-ms", "window", "callback-token"));

    private CarrierAttributes() {
    }

    static Set<String> protocols() {
        return BY_PROTOCOL.keySet();
    }

    static boolean isKnown(String protocol, String attribute) {
        return COMMON.contains(attribute) || BY_PROTOCOL.getOrDefault(protocol, Set.of()).contains(attribute);
    }

    /** Every attribute of the protocol, sorted, for error messages. */
    static Set<String> of(String protocol) {
        Set<String> all = new TreeSet<>(COMMON);
        all.addAll(BY_PROTOCOL.getOrDefault(protocol, Set.of()));
        return all;
    }
}
