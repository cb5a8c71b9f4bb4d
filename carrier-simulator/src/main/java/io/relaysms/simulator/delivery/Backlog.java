package io.relaysms.simulator.delivery;

/**
 * The deliveries of one account: waiting for their time (scheduled), due and waiting for a receiving bind
 * (queued), acknowledged (sent), and given up, either refused too often by the ESME (failed) or not taken
 * because the queue was full (dropped).
 */
public record Backlog(String systemId, int scheduled, int queued, long sent, long failed, long dropped,
                      boolean receiverBound) {
}
