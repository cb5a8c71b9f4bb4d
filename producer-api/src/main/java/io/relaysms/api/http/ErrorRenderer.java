package io.relaysms.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become HTTP answers, in the bodies the ACS 2026-01-23 spec declares:
 * <ul>
 *   <li>validation failures with field messages: {@code BadRequestErrorResponse}, RFC 7807 style
 *       {@code {"type","title","status","errors":{field:[messages]},"traceId"}};</li>
 *   <li>everything else: {@code StandardErrorResponse} {@code {"error":{"code","message"}}}.</li>
 * </ul>
 * Clients (the Java SDK 1.1.x included) do not parse error bodies; people reading them do, so every message says
 * what was wrong and what would be right. Unexpected exceptions become 500 with a trace id that is also logged.
 */
public final class ErrorRenderer {

    private static final Logger log = LoggerFactory.getLogger(ErrorRenderer.class);

    private final ObjectMapper json;

    public ErrorRenderer(ObjectMapper json) {
        this.json = json;
    }

    public void render(ApiException e, Context ctx) {
        ObjectNode body = json.createObjectNode();
        if (!e.fieldErrors().isEmpty()) {
            body.put("type", "https://tools.ietf.org/html/rfc9110#section-15.5.1");
            body.put("title", "One or more validation errors occurred.");
            body.put("status", e.status());
            ObjectNode errors = body.putObject("errors");
            e.fieldErrors().forEach((field, messages) -> messages.forEach(errors.withArray(field)::add));
            body.put("traceId", traceId(ctx));
        } else {
            ObjectNode error = body.putObject("error");
            error.put("code", e.code());
            error.put("message", e.getMessage());
        }
        e.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", String.valueOf(seconds)));
        ctx.status(e.status()).contentType("application/json; charset=utf-8").result(body.toString());
    }

    /** Javalin's own answers (no such endpoint, a body over the cap, a malformed request) in the same format. */
    public void render(HttpResponseException e, Context ctx) {
        ApiException answer = switch (e.getStatus()) {
            case 404 -> ApiException.notFound("No endpoint " + ctx.method() + " " + ctx.path() + ". This server serves "
                    + "POST /sms, POST /sms/optouts:add|:remove|:check and GET /deliveryReports/{messageId}.");
            case 413 -> ApiException.payloadTooLarge(e.getMessage());
            default -> ApiException.of(e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage().replace(" ", ""),
                    e.getMessage());
        };
        render(answer, ctx);
    }

    public void renderUnexpected(Exception e, Context ctx) {
        String traceId = traceId(ctx);
        log.error("unexpected failure serving {} {} (traceId {})", ctx.method(), ctx.path(), traceId, e);
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", "InternalServerError");
        error.put("message", "The server failed unexpectedly; nothing was sent for this request. traceId " + traceId);
        ctx.status(500).contentType("application/json; charset=utf-8").result(body.toString());
    }

    private static String traceId(Context ctx) {
        String clientId = ctx.header("x-ms-client-request-id");
        return clientId != null && clientId.length() <= 64 ? clientId : UUID.randomUUID().toString();
    }
}
