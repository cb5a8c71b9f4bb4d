package io.relaysms.dispatcher;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.carriers.CarrierRoute;
import io.relaysms.config.carriers.CarrierRoutes;
import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.http.HttpCarrierConnection;
import io.relaysms.dispatcher.http.HttpCarrierSettings;
import io.relaysms.dispatcher.inbound.InboundSink;
import io.relaysms.dispatcher.smpp.DeliverSmListener;
import io.relaysms.dispatcher.smpp.SmppCarrierSettings;
import io.relaysms.dispatcher.smpp.SmppConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code carriers.*} into live connections: SMPP routes get their binds (deliver_sm go to the inbound
 * sink), HTTP routes their client. Every bad attribute of every carrier is reported at once, before anything
 * connects.
 */
final class CarrierConnections implements AutoCloseable {

    private final Map<String, CarrierConnection> byId = new LinkedHashMap<>();
    private final Map<String, HttpCarrierSettings> http = new LinkedHashMap<>();

    CarrierConnections(CarrierRoutes routes, InboundSink sink, Clock clock) {
        List<String> problems = new ArrayList<>();
        Map<String, SmppCarrierSettings> smpp = new LinkedHashMap<>();
        read(routes, smpp, http, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        smpp.forEach((id, settings) -> byId.put(id,
                new SmppConnection(settings, new DeliverSmListener(id, sink, clock)).start()));
        http.forEach((id, settings) -> byId.put(id, new HttpCarrierConnection(settings)));
    }

    /** Every bad attribute of every carrier, found without connecting to any. */
    static List<String> problems(CarrierRoutes routes) {
        List<String> problems = new ArrayList<>();
        read(routes, new LinkedHashMap<>(), new LinkedHashMap<>(), problems);
        return problems;
    }

    private static void read(CarrierRoutes routes, Map<String, SmppCarrierSettings> smpp, Map<String, HttpCarrierSettings> http,
                             List<String> problems) {
        for (CarrierRoute route : routes.all()) {
            if (route.protocol().equals("http")) {
                http.put(route.id(), HttpCarrierSettings.from(route, problems));
            } else {
                smpp.put(route.id(), SmppCarrierSettings.from(route, problems));
            }
        }
    }

    Map<String, CarrierConnection> byId() {
        return byId;
    }

    Map<String, HttpCarrierSettings> httpCarriers() {
        return http;
    }

    @Override
    public void close() {
        byId.values().forEach(CarrierConnection::close);
    }
}
