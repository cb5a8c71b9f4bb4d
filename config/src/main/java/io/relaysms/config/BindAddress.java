package io.relaysms.config;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * An address a server binds to: a name that resolves to an address of this host (or 0.0.0.0). A name that does not
 * resolve, or an address of another host, used to fail only when the server bound, reported by the HTTP library as
 * "Port already in use", which sent people after the wrong setting.
 */
public final class BindAddress {

    /** Checks that the value resolves to a wildcard, loopback or this host's own address. */
    public static final ConfigDef.Validator LOCAL = (name, value) -> {
        String host = value == null ? "" : value.toString().trim();
        if (host.isEmpty()) {
            throw new ConfigException(name, value, "name an address of this host to bind to, e.g. 0.0.0.0 or 127.0.0.1");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException(name, value, "does not resolve to an address (bind to 0.0.0.0, 127.0.0.1 or a name of this host)");
        }
        if (!isLocal(address)) {
            throw new ConfigException(name, value, "is " + address.getHostAddress() + ", not an address of this host");
        }
    };

    private BindAddress() {
    }

    private static boolean isLocal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true; // cannot tell: leave it to the bind
        }
    }
}
