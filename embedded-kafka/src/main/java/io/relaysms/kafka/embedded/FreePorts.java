package io.relaysms.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntSupplier;

/**
 * Picks a free loopback port. A KRaft controller's voter address must be known before it starts, so the
 * broker cannot simply bind port 0; the small race between picking and binding is accepted.
 */
final class FreePorts {

    private FreePorts() {
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /**
     * A free port other than {@code taken}. The operating system may hand out a port it just gave back, so two picks in a
     * row can return the same one; a broker whose client and controller listeners share a port fails to start.
     */
    static int pickOtherThan(int taken) {
        return pickOtherThan(taken, FreePorts::pick);
    }

    static int pickOtherThan(int taken, IntSupplier picker) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = picker.getAsInt();
            if (port != taken) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port other than " + taken + " after 20 tries");
    }

    /**
     * Fails when something already listens on the port. A second broker on the ports of a running one would not fail
     * cleanly by itself: its controller would talk to the first one's quorum before its own listener failed to bind.
     */
    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            throw new IllegalStateException("the " + what + " port " + port + " is in use (is another Relay platform or "
                    + "Kafka broker running?); stop it or choose another port", e);
        }
    }
}
