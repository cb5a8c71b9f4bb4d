package io.relaysms.api.reports;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.relaysms.api.config.ApiSettings;
import io.relaysms.api.http.ApiException;
import io.relaysms.api.http.ApiVersion;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /deliveryReports/{messageId}} (2025-08-01-preview and later, contract §3). The delivery tracker owns
 * delivery state and serves exactly the ACS body on its own port; this handler authenticates the client (the filter
 * did), checks the api-version and forwards the question. The tracker's 200 and 404 pass through unchanged.
 *
 * <p>Any tracker instance answers for every message (it forwards to the one holding it), so with several configured
 * each query starts at the next one and moves on past one that does not answer or cannot reach the holder (502, 503:
 * an instance that just died, partitions moving). When none answers, 503 with Retry-After, naming what each said;
 * any other answer from the last one asked is 502.
 */
public final class DeliveryReportHandler implements Handler {

    private static final int MAX_MESSAGE_ID_LENGTH = 256;

    private final HttpClient client;
    private final List<String> trackerBaseUrls;
    private final Duration timeout;
    private final int retryAfterSeconds;
    private final AtomicInteger nextFirst = new AtomicInteger();

    public DeliveryReportHandler(List<URI> trackerBaseUrls, Duration timeout, int retryAfterSeconds) {
        if (trackerBaseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one delivery tracker URL is needed");
        }
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.trackerBaseUrls = trackerBaseUrls.stream().map(URI::toString)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList();
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
        String path = "/deliveryReports/" + URLEncoder.encode(messageId, StandardCharsets.UTF_8).replace("+", "%20");
        int first = Math.floorMod(nextFirst.getAndIncrement(), trackerBaseUrls.size());
        ctx.future(() -> ask(path, first, 0, new ArrayList<>()).thenAccept(response -> ctx.status(response.statusCode())
                .contentType(response.headers().firstValue("Content-Type").orElse("application/json; charset=utf-8"))
                .result(response.body())));
    }

    /** Asks the {@code tried}-th tracker after {@code first}; on to the next while they fail, noting what each said. */
    private CompletableFuture<HttpResponse<byte[]>> ask(String path, int first, int tried, List<String> failures) {
        String base = trackerBaseUrls.get((first + tried) % trackerBaseUrls.size());
        HttpRequest forward = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout).header("Accept", "application/json").GET().build();
        return client.sendAsync(forward, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure == null && (response.statusCode() == 200 || response.statusCode() == 404)) {
                        return CompletableFuture.completedFuture(response);
                    }
                    boolean unreachable = failure != null || response.statusCode() == 502 || response.statusCode() == 503;
                    failures.add(base + ": " + (failure != null ? rootMessage(failure) : "answered " + response.statusCode()));
                    if (tried + 1 < trackerBaseUrls.size()) {
                        return ask(path, first, tried + 1, failures);
                    }
                    throw new CompletionException(unreachable
                            ? ApiException.unavailable("Delivery reports are not available right now: no delivery tracker "
                                    + "answered (" + String.join("; ", failures) + "). The trackers asked are "
                                    + ApiSettings.DELIVERY_REPORTS_URL + ".", retryAfterSeconds)
                            : ApiException.badGateway("The delivery tracker answered " + response.statusCode() + " ("
                                    + String.join("; ", failures) + ")."));
                })
                .thenCompose(next -> next);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
