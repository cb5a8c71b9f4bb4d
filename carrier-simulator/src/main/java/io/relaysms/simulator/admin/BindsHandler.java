package io.relaysms.simulator.admin;

import io.javalin.http.Context;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.smpp.BoundSession;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /binds} lists the bound sessions; {@code POST /binds:drop} ends them all (by closing the
 * connection, or with {@code ?mode=unbind} by an unbind first); {@code POST /binds:refuse} and
 * {@code POST /binds:accept} turn refusing new binds (ESME_RBINDFAIL) on and off.
 */
final class BindsHandler {

    /** A bound session as the API shows it. */
    record BindView(String sessionId, String systemId, String bindType, Instant boundAt, String remote) {
        static BindView of(BoundSession s) {
            return new BindView(s.sessionId(), s.systemId(), s.bindType().name(), s.boundAt(), s.remoteAddress());
        }
    }

    private final CarrierSimulator simulator;

    BindsHandler(CarrierSimulator simulator) {
        this.simulator = simulator;
    }

    void list(Context ctx) {
        ctx.json(simulator.binds().stream().filter(BoundSession::isBound).map(BindView::of).toList());
    }

    void drop(Context ctx) {
        String mode = ctx.queryParamAsClass("mode", String.class).getOrDefault("close");
        if (!mode.equals("close") && !mode.equals("unbind")) {
            throw new BadRequestException(java.util.List.of("mode: must be close or unbind (was '" + mode + "')"));
        }
        ctx.json(Map.of("dropped", simulator.dropBinds(mode.equals("unbind")), "mode", mode));
    }

    void refuse(Context ctx) {
        simulator.acceptBinds(false);
        ctx.json(Map.of("acceptingBinds", false));
    }

    void accept(Context ctx) {
        simulator.acceptBinds(true);
        ctx.json(Map.of("acceptingBinds", true));
    }
}
