package io.relaysms.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.behaviour.InvalidRuleException;
import io.relaysms.simulator.mo.InvalidMoException;
import io.relaysms.simulator.mo.MoQueueFullException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API (JSON; see the module README): health, Prometheus metrics, the record of submits and
 * its statistics, behaviour rules, binds, MO injection and the delivery backlog. Failures are rendered in one
 * place as {@link ErrorBody}.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

    private final Javalin app;

    private AdminServer(Javalin app) {
        this.app = app;
    }

    public static AdminServer start(CarrierSimulator simulator, String host, int port) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
        });
        SubmissionsHandler submissions = new SubmissionsHandler(simulator);
        RulesHandler rules = new RulesHandler(simulator);
        BindsHandler binds = new BindsHandler(simulator);
        MoHandler mo = new MoHandler(simulator);
        app.get("/health", ctx -> ctx.json(Map.of("status", "UP", "smppPort", simulator.smppPort(),
                "binds", simulator.binds().size(), "acceptingBinds", simulator.acceptingBinds())));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(simulator.scrapeMetrics()));
        app.get("/submissions", submissions::list);
        app.delete("/submissions", submissions::clear);
        app.get("/stats", submissions::stats);
        app.get("/rules", rules::list);
        app.post("/rules", rules::put);
        app.delete("/rules/{name}", rules::remove);
        app.get("/binds", binds::list);
        app.post("/binds:drop", binds::drop);
        app.post("/binds:refuse", binds::refuse);
        app.post("/binds:accept", binds::accept);
        app.post("/mo", mo::inject);
        app.get("/deliveries", ctx -> ctx.json(simulator.deliveries()));

        app.exception(BadRequestException.class, (e, ctx) ->
                ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorBody("bad request", e.problems())));
        app.exception(InvalidRuleException.class, (e, ctx) ->
                ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorBody("invalid rule", e.problems())));
        app.exception(InvalidMoException.class, (e, ctx) ->
                ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorBody("invalid MO", e.problems())));
        app.exception(MoQueueFullException.class, (e, ctx) ->
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ErrorBody(e.getMessage(), List.of())));
        app.exception(BadRequestResponse.class, (e, ctx) ->
                ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorBody("bad request", List.of(e.getMessage()))));
        app.exception(Exception.class, (e, ctx) -> {
            JsonProcessingException json = jsonCause(e);
            if (json != null) {
                ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorBody("the body is not the JSON expected", List.of(describe(json))));
            } else {
                LOG.warn("admin request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new ErrorBody(e.toString(), List.of()));
            }
        });
        app.start(host, port);
        return new AdminServer(app);
    }

    private static JsonProcessingException jsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    /** What was wrong and where, without the parser's own settings that its nested locations print. */
    static String describe(JsonProcessingException e) {
        String message = SOURCE_LOCATION.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
        return e.getLocation() == null ? message
                : message + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
