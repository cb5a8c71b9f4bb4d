package io.relaysms.dispatcher.routing;

import io.relaysms.config.numbers.NumberDirectory;
import io.relaysms.config.numbers.OwnedNumber;
import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.ratelimit.RateLimitPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a sending number, as a request spells it, to its {@link Route}. Numbers are data (design decision 6):
 * only those in {@code numbers.*} have a route; a request from any other sender is rejected.
 */
public final class Router {

    private final NumberDirectory numbers;
    private final Map<String, CarrierConnection> connections;
    private final RateLimitPolicy limits;
    private final Map<String, Optional<Route>> cache = new HashMap<>();

    public Router(NumberDirectory numbers, Map<String, CarrierConnection> connections, RateLimitPolicy limits) {
        this.numbers = numbers;
        this.connections = Map.copyOf(connections);
        this.limits = limits;
    }

    /** The route for a sender; empty when the deployment does not own it. Called from one thread. */
    public Optional<Route> routeFor(String sender) {
        return cache.computeIfAbsent(sender, s -> numbers.lookup(s).map(this::route));
    }

    private Route route(OwnedNumber number) {
        CarrierConnection primary = connections.get(number.route());
        Optional<CarrierConnection> failover = number.failoverRoute().map(connections::get);
        return new Route(number, primary, failover, limits.limitFor(number));
    }
}
