package io.relaysms.dispatcher.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * Opens SMPP connections with TCP_NODELAY, which jSMPP's own factory leaves off: with more than one submit in
 * flight, Nagle's algorithm plus the peer's delayed ACK holds small PDUs back for up to 40 ms (platform notes).
 * With TLS the socket is wrapped by the JVM's default trust store, or by one that trusts any certificate when
 * {@code tls.trust-all} is set (test SMSCs with self-signed certificates only).
 */
public final class NoDelayConnectionFactory implements ConnectionFactory {

    private final boolean tls;
    private final boolean trustAll;
    private final int connectTimeoutMillis;

    public NoDelayConnectionFactory(boolean tls, boolean trustAll, int connectTimeoutMillis) {
        this.tls = tls;
        this.trustAll = trustAll;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.setKeepAlive(true);
        plain.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        if (!tls) {
            return new SocketConnection(plain);
        }
        SSLSocket secure = (SSLSocket) sslSockets().createSocket(plain, host, port, true);
        secure.setTcpNoDelay(true);
        secure.startHandshake();
        return new SocketConnection(secure);
    }

    private SSLSocketFactory sslSockets() throws IOException {
        if (!trustAll) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingManager()}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Accepts any server certificate: only for tls.trust-all. */
    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
