package io.relaysms.simulator.behaviour;

/** Answer this share of matching submit_sm with this command_status instead of accepting them. */
public record SubmitError(int status, double share) {
}
