package io.relaysms.simulator.mo;

/**
 * What became of an injected MO: the account it goes to, how it was encoded and split, and whether a
 * receiving bind of that account is there now (otherwise the parts wait in its queue).
 */
public record MoInjection(String systemId, String encoding, String concatenation, int parts, boolean receiverBound) {
}
