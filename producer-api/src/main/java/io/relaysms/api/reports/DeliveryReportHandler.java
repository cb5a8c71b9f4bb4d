package io.relaysms.api.reports;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.relaysms.api.http.ApiException;
import io.relaysms.api.http.ApiVersion;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * {@code GET /deliveryReports/{messageId}} (2025-08-01-preview and later, contract §3). The delivery tracker owns
 * delivery state and serves exactly the ACS body on its own port; this handler authenticates the client (the filter
 * did), checks the api-version and forwards the question. The tracker's 200 and 404 pass through unchanged; a
 * tracker that does not answer within the timeout is 503 with Retry-After, and any other answer from it is 502.
 */
public final class DeliveryReportHandler implements Handler {

    private static final int MAX_MESSAGE_ID_LENGTH = 256;

    private final HttpClient client;
    private final String trackerBaseUrl;
    private final Duration timeout;
    private final int retryAfterSeconds;

    public DeliveryReportHandler(String trackerBaseUrl, Duration timeout, int retryAfterSeconds) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.trackerBaseUrl = trackerBaseUrl.endsWith("/") ? trackerBaseUrl.substring(0, trackerBaseUrl.length() - 1) : trackerBaseUrl;
        this.timeout = timeout;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public void handle(Context ctx) {
        ApiVersion.require(ctx, ApiVersion.Operation.DELIVERY_REPORTS);
        String messageId = ctx.pathParam("messageId");
        if (messageId.isBlank() || messageId.length() > MAX_MESSAGE_ID_LENGTH) {
            throw ApiException.invalidField("messageId", "A messageId as returned by POST /sms is required (at most "
                    + MAX_MESSAGE_ID_LENGTH + " characters).");
        }
        HttpRequest forward = HttpRequest.newBuilder(URI.create(trackerBaseUrl + "/deliveryReports/"
                        + URLEncoder.encode(messageId, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(timeout).header("Accept", "application/json").GET().build();
        ctx.future(() -> client.sendAsync(forward, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(ApiException.unavailable("Delivery reports are not available right now: the "
                        + "delivery tracker did not answer (" + rootMessage(failure) + ").", retryAfterSeconds));
            }
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                throw new CompletionException(ApiException.badGateway("The delivery tracker answered "
                        + response.statusCode() + " for message " + messageId + "."));
            }
            ctx.status(response.statusCode())
                    .contentType(response.headers().firstValue("Content-Type").orElse("application/json; charset=utf-8"))
                    .result(response.body());
            return null;
        }));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
