package io.relaysms.benchmarks.e2e;

import io.relaysms.benchmarks.api.SignedRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop senders over HTTPS keep-alive: each thread sends a signed request (SDK-shaped, fresh repeatability ids),
 * waits for the answer and sends the next, rotating over the sending numbers, until the wanted number of messages was
 * accepted or the time is up. Each request carries its send time (wall clock, ms) as its client request id.
 */
final class ApiLoad {

    /** What the senders did: messages accepted, requests answered 202, other answers by status, request latencies. */
    record Result(long acceptedMessages, long acceptedRequests, Map<Integer, Long> refusedByStatus, long firstSendMillis,
                  long lastAnswerMillis, MillisRecorder.Summary requestLatency) {
        double seconds() {
            return (lastAnswerMillis - firstSendMillis) / 1000.0;
        }
    }

    private ApiLoad() {
    }

    static Result run(HttpClient client, URI endpoint, byte[] accessKey, List<String> numbers, int recipientsPerRequest,
                      int threads, long messages, long maxSendMillis) throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        AtomicLong acceptedRequests = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        Map<Integer, AtomicLong> refused = new ConcurrentHashMap<>();
        MillisRecorder latency = new MillisRecorder();
        long firstSend = System.currentTimeMillis();
        long deadline = maxSendMillis > 0 ? firstSend + maxSendMillis : Long.MAX_VALUE;
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            SignedRequests requests = new SignedRequests(endpoint, "/sms?api-version=2021-03-07", accessKey, numbers.get(0),
                    recipientsPerRequest);
            Thread sender = new Thread(() -> {
                int sent = 0;
                while (accepted.get() < messages && System.currentTimeMillis() < deadline) {
                    String from = numbers.get((offset + sent++ * threads) % numbers.size());
                    long sendAt = System.currentTimeMillis();
                    HttpRequest request = requests.next(from, PipelineWatch.CLIENT_ID_PREFIX + sendAt);
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long answeredAt = System.currentTimeMillis();
                    lastAnswer.accumulateAndGet(answeredAt, Math::max);
                    if (status == 202) {
                        accepted.addAndGet(recipientsPerRequest);
                        acceptedRequests.incrementAndGet();
                        latency.add(answeredAt - sendAt);
                    } else {
                        refused.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                }
            }, "e2e-sender-" + t);
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        Map<Integer, Long> refusedByStatus = new TreeMap<>();
        refused.forEach((status, count) -> refusedByStatus.put(status, count.get()));
        return new Result(accepted.get(), acceptedRequests.get(), refusedByStatus, firstSend, lastAnswer.get(), latency.summary());
    }
}
