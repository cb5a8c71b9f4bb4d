package io.relaysms.benchmarks.api;

import io.javalin.Javalin;
import io.relaysms.api.tls.SelfSignedCertificate;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The baseline: the same server stack as the API (Javalin on Jetty, HTTPS with a self-signed EC certificate, one
 * connector), with a POST /sms that reads the body and answers 202 with a fixed one-item JSON, doing nothing else.
 * The API's figures next to this one's show what authentication, validation and Kafka cost.
 */
final class BareEndpoint implements AutoCloseable {

    private static final String ANSWER = "{\"value\":[{\"to\":\"+14255550123\",\"messageId\":\"Outgoing_x\","
            + "\"httpStatusCode\":202,\"repeatabilityResult\":\"accepted\",\"successful\":true}]}";

    private final Javalin app;
    final SelfSignedCertificate.Generated certificate;

    BareEndpoint() {
        certificate = SelfSignedCertificate.generate(List.of("localhost", "127.0.0.1"), Instant.now());
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("bare", certificate.keyPair().getPrivate(), "bare".toCharArray(),
                    new Certificate[] {certificate.certificate()});
            app = Javalin.create(config -> {
                config.showJavalinBanner = false;
                config.jetty.addConnector((server, http) -> {
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStore(store);
                    ssl.setKeyStorePassword("bare");
                    HttpConfiguration https = new HttpConfiguration(http);
                    https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
                    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                            new HttpConnectionFactory(https));
                    connector.setHost("127.0.0.1");
                    connector.setPort(0);
                    return connector;
                });
            });
            app.post("/sms", ctx -> {
                ctx.bodyAsBytes();
                ctx.status(202).contentType("application/json; charset=utf-8").result(ANSWER);
            });
            app.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the bare endpoint", e);
        }
    }

    int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() {
        app.stop();
    }
}
