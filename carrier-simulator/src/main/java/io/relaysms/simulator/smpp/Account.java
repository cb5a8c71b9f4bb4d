package io.relaysms.simulator.smpp;

/** An ESME account of the carrier: the system id and password a bind must present, and how many binds it may hold. */
public record Account(String systemId, String password, int maxBinds) {

    @Override
    public String toString() {
        return "Account[" + systemId + ", password=[hidden], maxBinds=" + maxBinds + "]";
    }
}
