package io.relaysms.simulator.admin;

import io.javalin.http.Context;
import io.relaysms.simulator.CarrierSimulator;
import java.util.Map;

/**
 * {@code GET /submissions} lists what the carrier received (filtered, oldest first, 10 000 at most unless
 * {@code limit} says otherwise); {@code DELETE /submissions} empties the record; {@code GET /stats} gives the
 * per-sender rates per second and the duplicates of the (filtered) record.
 */
final class SubmissionsHandler {

    private final CarrierSimulator simulator;

    SubmissionsHandler(CarrierSimulator simulator) {
        this.simulator = simulator;
    }

    void list(Context ctx) {
        ctx.json(simulator.submissions(QueryParameters.submissionQuery(ctx, true)).stream().map(SubmissionView::of).toList());
    }

    void clear(Context ctx) {
        simulator.clearSubmissions();
        ctx.json(Map.of("cleared", true));
    }

    void stats(Context ctx) {
        ctx.json(simulator.stats(QueryParameters.submissionQuery(ctx, false)));
    }
}
