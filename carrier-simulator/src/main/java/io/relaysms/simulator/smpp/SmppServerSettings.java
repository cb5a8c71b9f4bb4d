package io.relaysms.simulator.smpp;

/**
 * How the SMPP side listens and paces itself: interface and port (0: ephemeral), the system id it answers
 * binds with, how long a new connection may take to bind, worker threads per session (requests of one window
 * answered at once; beyond threads plus queue jSMPP answers ESME_RTHROTTLED itself), the enquire_link
 * interval and how long it waits for the ESME's responses.
 */
public record SmppServerSettings(String host, int port, String smscSystemId, int bindTimeoutMillis,
                                 int processorThreads, int queueCapacity, int enquireLinkMillis,
                                 int responseTimeoutMillis) {
}
