package io.relaysms.simulator.behaviour;

import java.util.Optional;

/**
 * Everything the simulator decides about one submit_sm, as the matching rule (or the global settings) says:
 * how long to take answering, the per-bind TPS beyond which it answers ESME_RTHROTTLED (0: no limit), an
 * error to answer instead of accepting, how receipts go and whether the handset replies.
 */
public record Behaviour(
        String ruleName,
        Delay latency,
        int tpsPerBind,
        Optional<SubmitError> submitError,
        ReceiptPlan receipts,
        Optional<HandsetReply> reply) {

    public static final String GLOBAL = "global";
}
