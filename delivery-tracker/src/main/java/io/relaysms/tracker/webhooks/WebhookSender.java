package io.relaysms.tracker.webhooks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs signed CloudEvents to one subscriber, on an HTTP client and threads of its own, so a subscriber that hangs
 * ties up only its own connections. Answers with the HTTP status, or fails with the transport error.
 */
final class WebhookSender implements AutoCloseable {

    private final WebhookSubscription subscription;
    private final WebhookSigner signer;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ExecutorService executor;
    private final HttpClient client;

    WebhookSender(WebhookSubscription subscription, Duration requestTimeout, Clock clock) {
        this.subscription = subscription;
        this.signer = new WebhookSigner(subscription.secret());
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "webhook-" + subscription.name() + "-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(requestTimeout).build();
    }

    CompletableFuture<Integer> post(byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(subscription.url())
                .timeout(requestTimeout)
                .header("Content-Type", AcsCloudEvents.CONTENT_TYPE + "; charset=utf-8")
                .header(WebhookSigner.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(WebhookSigner.SIGNATURE_HEADER, signer.signature(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
