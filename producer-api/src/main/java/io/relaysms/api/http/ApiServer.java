package io.relaysms.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.relaysms.api.auth.AcsHmacAuthentication;
import io.relaysms.api.tls.TlsKeystore;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP server: Javalin on Jetty, HTTPS (and plain HTTP only if enabled), the HMAC check as a before-filter,
 * a body cap, routes to small handlers, and every failure rendered in one place ({@link ErrorRenderer}).
 * {@code /sms/optouts:add} is also routed as {@code /sms/optouts%3Aadd}, in case a client percent-encodes the colon.
 */
public final class ApiServer implements AutoCloseable {

    /** What the server routes to. */
    public record Routes(Handler send, Handler optOutAdd, Handler optOutRemove, Handler optOutCheck, Handler deliveryReport,
                         Handler health, Handler metrics, Handler openApi) {
    }

    /** Where and how to listen. */
    public record Listeners(String host, Optional<TlsKeystore> tls, int httpsPort, boolean httpEnabled, int httpPort) {
    }

    private static final String SUPPORTED_VERSIONS = Arrays.stream(ApiVersion.values()).map(ApiVersion::wireName)
            .collect(Collectors.joining(", "));

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    public static ApiServer start(Listeners listeners, int maxBodyBytes, AcsHmacAuthentication authentication, Routes routes,
                                  ObjectMapper json) {
        ErrorRenderer errors = new ErrorRenderer(json);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = maxBodyBytes;
            config.http.defaultContentType = "application/json; charset=utf-8";
            config.router.ignoreTrailingSlashes = true;
            listeners.tls().ifPresent(tls -> config.jetty.addConnector((server, http) ->
                    Connectors.https(server, http, tls, listeners.host(), listeners.httpsPort())));
            if (listeners.httpEnabled()) {
                config.jetty.addConnector((server, http) -> Connectors.http(server, http, listeners.host(), listeners.httpPort()));
            }
        });
        app.before(ctx -> capBody(ctx, maxBodyBytes));
        app.before(authentication);
        app.post("/sms", routes.send());
        for (String colon : new String[] {":", "%3A", "%3a"}) {
            app.post("/sms/optouts" + colon + "add", routes.optOutAdd());
            app.post("/sms/optouts" + colon + "remove", routes.optOutRemove());
            app.post("/sms/optouts" + colon + "check", routes.optOutCheck());
        }
        app.get("/deliveryReports/{messageId}", routes.deliveryReport());
        app.get("/health", routes.health());
        app.get("/metrics", routes.metrics());
        app.get("/openapi.json", routes.openApi());
        app.after(ctx -> ctx.header("api-supported-versions", SUPPORTED_VERSIONS));
        app.exception(ApiException.class, errors::render);
        app.exception(HttpResponseException.class, errors::render);
        app.exception(Exception.class, errors::renderUnexpected);
        app.start();
        return new ApiServer(app);
    }

    /** A Content-Length over the cap is refused before the body is read; chunked bodies meet Javalin's own cap. */
    private static void capBody(Context ctx, int maxBodyBytes) {
        long length = ctx.req().getContentLengthLong();
        if (length > maxBodyBytes) {
            throw ApiException.payloadTooLarge(maxBodyBytes);
        }
    }

    public OptionalInt httpsPort() {
        return port(Connectors.HTTPS);
    }

    public OptionalInt httpPort() {
        return port(Connectors.HTTP);
    }

    private OptionalInt port(String name) {
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (name.equals(connector.getName()) && connector instanceof ServerConnector server) {
                return OptionalInt.of(server.getLocalPort());
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public void close() {
        app.stop();
    }
}
