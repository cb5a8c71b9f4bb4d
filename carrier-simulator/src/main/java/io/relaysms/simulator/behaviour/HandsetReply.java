package io.relaysms.simulator.behaviour;

/** A reply that the recipients of a rule send back after a delay, e.g. "STOP" after 200 ms. */
public record HandsetReply(String text, long delayMillis) {
}
