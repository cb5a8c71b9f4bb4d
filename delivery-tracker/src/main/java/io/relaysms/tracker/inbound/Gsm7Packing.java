package io.relaysms.tracker.inbound;

import io.relaysms.config.carriers.CarrierRoute;
import io.relaysms.config.carriers.CarrierRoutes;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a carrier's SMSC puts GSM 03.38 text (data_coding 0) into short_message. Over SMPP most SMSCs send it
 * {@code unpacked}: one septet per octet, the user data header (if any) in octets before it, no fill bits. That
 * is the default, and what the carrier simulator sends. Some send the air-interface form, {@code packed}: septets
 * packed 8 into 7 octets, after the header with fill bits up to a septet boundary (3GPP TS 23.040 9.2.3.24).
 * Set per carrier with {@code carriers.<id>.inbound-gsm7-packing}.
 */
public enum Gsm7Packing {
    UNPACKED, PACKED;

    public static final String ATTRIBUTE = "inbound-gsm7-packing";

    /** The packing of every configured carrier that sets it; the others are {@link #UNPACKED}. */
    public static Map<String, Gsm7Packing> parse(CarrierRoutes routes, List<String> problems) {
        Map<String, Gsm7Packing> byCarrier = new HashMap<>();
        for (CarrierRoute route : routes.all()) {
            route.attribute(ATTRIBUTE).ifPresent(value -> {
                switch (value.trim().toLowerCase(Locale.ROOT)) {
                    case "unpacked" -> byCarrier.put(route.id(), UNPACKED);
                    case "packed" -> byCarrier.put(route.id(), PACKED);
                    default -> problems.add("carriers." + route.id() + "." + ATTRIBUTE + ": must be unpacked or packed (was '"
                            + value + "')");
                }
            });
        }
        return byCarrier;
    }
}
