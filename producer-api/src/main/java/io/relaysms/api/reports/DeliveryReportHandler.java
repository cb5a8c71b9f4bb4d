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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /deliveryReports/{messageId}} (2025-08-01-preview and later, contract §3). The delivery tracker owns
 * delivery state and serves exactly the ACS body on its own port; this handler authenticates the client (the filter
 * did), checks the api-version and forwards the question. The tracker's 200 and 404 pass through unchanged.
 *
 * <p>Any tracker instance answers for every message (it forwards to the one holding it), so with several configured
 * each query starts at the next one, and moves on past one that cannot answer: no connection or no answer within the
 * timeout, or 502/503 (it could not reach the instance holding the message, partitions moving). One that could not be
 * reached is asked last for the next {@link #PASS_OVER} (a tracker that swallows requests would otherwise cost every
 * n-th query the whole timeout). When none can answer, 503 with Retry-After; any other answer is 502 at once (asking
 * another tracker the same question would get the same answer).
 */
public final class DeliveryReportHandler implements Handler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReportHandler.class);
    private static final int MAX_MESSAGE_ID_LENGTH = 256;
    static final Duration PASS_OVER = Duration.ofSeconds(5);

    /** One configured tracker, and until when it is asked last. */
    private record Tracker(String baseUrl, AtomicLong unreachableUntilNanos) {
    }

    private final HttpClient client;
    private final List<Tracker> trackers;
    private final Duration timeout;
    private final int retryAfterSeconds;
    private final AtomicInteger nextFirst = new AtomicInteger();

    public DeliveryReportHandler(List<URI> trackerBaseUrls, Duration timeout, int retryAfterSeconds) {
        if (trackerBaseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one delivery tracker URL is needed");
        }
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.trackers = trackerBaseUrls.stream().map(URI::toString)
                // nanoTime values are compared by difference only; "until now" means reachable.
                .map(url -> new Tracker(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, new AtomicLong(System.nanoTime())))
                .toList();
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
        List<Tracker> order = askingOrder();
        ctx.future(() -> ask(path, order, 0, new ArrayList<>()).thenAccept(response -> ctx.status(response.statusCode())
                .contentType(response.headers().firstValue("Content-Type").orElse("application/json; charset=utf-8"))
                .result(response.body())));
    }

    /** From the next tracker round, those not recently unreachable first. */
    private List<Tracker> askingOrder() {
        int first = Math.floorMod(nextFirst.getAndIncrement(), trackers.size());
        long now = System.nanoTime();
        List<Tracker> reachable = new ArrayList<>();
        List<Tracker> recentlyUnreachable = new ArrayList<>();
        for (int i = 0; i < trackers.size(); i++) {
            Tracker tracker = trackers.get((first + i) % trackers.size());
            (now - tracker.unreachableUntilNanos().get() < 0 ? recentlyUnreachable : reachable).add(tracker);
        }
        reachable.addAll(recentlyUnreachable);
        return reachable;
    }

    /** Asks {@code order[index]}; on to the next while they cannot answer, noting why each could not. */
    private CompletableFuture<HttpResponse<byte[]>> ask(String path, List<Tracker> order, int index, List<String> failures) {
        Tracker tracker = order.get(index);
        HttpRequest forward = HttpRequest.newBuilder(URI.create(tracker.baseUrl() + path))
                .timeout(timeout).header("Accept", "application/json").GET().build();
        return client.sendAsync(forward, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure == null && (response.statusCode() == 200 || response.statusCode() == 404)) {
                        return CompletableFuture.completedFuture(response);
                    }
                    if (failure == null && response.statusCode() != 502 && response.statusCode() != 503) {
                        throw new CompletionException(ApiException.badGateway("The delivery tracker answered "
                                + response.statusCode() + " for this message."));
                    }
                    if (failure != null) {
                        tracker.unreachableUntilNanos().set(System.nanoTime() + PASS_OVER.toNanos());
                    }
                    failures.add(tracker.baseUrl() + ": " + (failure != null ? rootMessage(failure) : "answered " + response.statusCode()));
                    if (index + 1 < order.size()) {
                        return ask(path, order, index + 1, failures);
                    }
                    // Tracker addresses are the operator's business, not the API client's: they go to the log.
                    log.warn("GET {}: no delivery tracker could answer: {}", path, String.join("; ", failures));
                    throw new CompletionException(ApiException.unavailable("Delivery reports are not available right now: "
                            + "none of the " + order.size() + " delivery tracker(s) this API asks (" + ApiSettings.DELIVERY_REPORTS_URL
                            + ") could answer; its log says why.", retryAfterSeconds));
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
