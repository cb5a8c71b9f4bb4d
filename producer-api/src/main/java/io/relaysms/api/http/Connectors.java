package io.relaysms.api.http;

import io.relaysms.api.tls.TlsKeystore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The listening ports, as Jetty connectors named "https" and "http" so the service can report the ports they bound
 * (0 in the configuration means a free one).
 */
final class Connectors {

    static final String HTTPS = "https";
    static final String HTTP = "http";

    private Connectors() {
    }

    /**
     * HTTPS with the given key. SNI is neither required nor matched against Host: clients reach the embedded default
     * as localhost, 127.0.0.1 or a host name, and the Java SDK rewrites Host to the bare host name.
     */
    static ServerConnector https(Server server, HttpConfiguration base, TlsKeystore tls, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(new String(tls.password()));
        ssl.setKeyManagerPassword(new String(tls.password()));
        ssl.setSniRequired(false);
        HttpConfiguration https = new HttpConfiguration(base);
        https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setName(HTTPS);
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    static ServerConnector http(Server server, HttpConfiguration base, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration(base)));
        connector.setName(HTTP);
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
