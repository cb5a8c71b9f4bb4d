package io.relaysms.simulator.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.behaviour.BehaviourRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /rules} lists the rules in the order they are tried; {@code POST /rules} adds or replaces one
 * from a flat JSON object ({@code {"name": "throttle", "prefix": "+1555", "submit-error.status": "ESME_RTHROTTLED"}},
 * the keys of {@code simulator.rules.<name>.*}); {@code DELETE /rules/{name}} removes one.
 */
final class RulesHandler {

    /** A rule as the API shows it. */
    record RuleView(String name, int priority, Map<String, String> settings) {
        static RuleView of(BehaviourRule rule) {
            return new RuleView(rule.name(), rule.priority(), rule.settings());
        }
    }

    private final CarrierSimulator simulator;

    RulesHandler(CarrierSimulator simulator) {
        this.simulator = simulator;
    }

    void list(Context ctx) {
        ctx.json(simulator.rules().rules().stream().map(RuleView::of).toList());
    }

    @SuppressWarnings("unchecked")
    void put(Context ctx) {
        Map<String, Object> body = ctx.bodyAsClass(Map.class);
        Object name = body.get("name");
        if (!(name instanceof String)) {
            throw new BadRequestException(List.of("name: a rule needs a name"));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        body.forEach((key, value) -> {
            if (!key.equals("name")) {
                settings.put(key, value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                        : String.valueOf(value));
            }
        });
        ctx.status(HttpStatus.CREATED).json(RuleView.of(simulator.putRule((String) name, settings)));
    }

    void remove(Context ctx) {
        String name = ctx.pathParam("name");
        if (!simulator.removeRule(name)) {
            ctx.status(HttpStatus.NOT_FOUND).json(new ErrorBody("no rule '" + name + "'", List.of()));
            return;
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
