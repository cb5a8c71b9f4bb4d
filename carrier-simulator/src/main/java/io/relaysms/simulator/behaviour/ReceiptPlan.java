package io.relaysms.simulator.behaviour;

import java.util.Optional;

/**
 * How receipts go for matching messages: the outcome mix, the delay after submit_sm_resp, the share of
 * segments whose receipt never comes (to exercise receipt timeouts) and the {@code err:} code to report for
 * outcomes other than DELIVRD (each state's own code when empty).
 */
public record ReceiptPlan(OutcomeMix outcomes, Delay delay, double neverShare, Optional<String> errorCode) {

    public String errorFor(ReceiptStatus status) {
        return status.isDelivered() ? status.defaultError() : errorCode.orElse(status.defaultError());
    }
}
