package io.relaysms.tracker.ids;

import io.relaysms.config.carriers.CarrierRoute;
import io.relaysms.config.carriers.CarrierRoutes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The id formats of every carrier route, from {@code carriers.<id>.submit-id-format} and
 * {@code carriers.<id>.receipt-id-format} ({@code hex | decimal | text | auto}, default {@code auto}). A carrier the
 * configuration does not name (receipts can name any carrier id) is {@code auto} on both sides.
 */
public final class CarrierIdFormats {

    public static final String SUBMIT_ATTRIBUTE = "submit-id-format";
    public static final String RECEIPT_ATTRIBUTE = "receipt-id-format";

    private final Map<String, RouteIdFormats> byCarrier;

    private CarrierIdFormats(Map<String, RouteIdFormats> byCarrier) {
        this.byCarrier = Map.copyOf(byCarrier);
    }

    public static CarrierIdFormats of(Map<String, RouteIdFormats> byCarrier) {
        return new CarrierIdFormats(byCarrier);
    }

    public static CarrierIdFormats allAuto() {
        return new CarrierIdFormats(Map.of());
    }

    public static CarrierIdFormats parse(CarrierRoutes routes, List<String> problems) {
        Map<String, RouteIdFormats> byCarrier = new HashMap<>();
        for (CarrierRoute route : routes.all()) {
            IdFormat submit = format(route, SUBMIT_ATTRIBUTE, problems);
            IdFormat receipt = format(route, RECEIPT_ATTRIBUTE, problems);
            byCarrier.put(route.id(), new RouteIdFormats(submit, receipt));
        }
        return new CarrierIdFormats(byCarrier);
    }

    public RouteIdFormats forCarrier(String carrierId) {
        return byCarrier.getOrDefault(carrierId, RouteIdFormats.AUTO);
    }

    private static IdFormat format(CarrierRoute route, String attribute, List<String> problems) {
        Optional<String> value = route.attribute(attribute);
        if (value.isEmpty()) {
            return IdFormat.AUTO;
        }
        Optional<IdFormat> format = IdFormat.parse(value.get());
        if (format.isEmpty()) {
            problems.add("carriers." + route.id() + "." + attribute + ": must be hex, decimal, text or auto (was '"
                    + value.get() + "')");
            return IdFormat.AUTO;
        }
        return format.get();
    }
}
