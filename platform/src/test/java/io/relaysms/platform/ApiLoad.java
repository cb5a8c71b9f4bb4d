package io.relaysms.platform;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Bulk sends through the signed client from a few threads, each request with its own text (so the carrier's record
 * names the message), rotating over the given sending numbers, until {@code maxRequests} were answered or it is
 * stopped. It keeps the messageIds of every 202 and counts the other answers; a 503 is not retried (its recipients
 * are simply not accepted), which is what a client that gives up would see.
 */
final class ApiLoad implements AutoCloseable {

    private final AcsClient client;
    private final List<String> senders;
    private final int recipientsPerRequest;
    private final int maxRequests;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger answered202 = new AtomicInteger();
    private final List<String> unavailable = new CopyOnWriteArrayList<>();
    private final List<String> otherAnswers = new CopyOnWriteArrayList<>();
    private final List<Thread> threads;

    private ApiLoad(AcsClient client, List<String> senders, int recipientsPerRequest, int maxRequests, int threadCount) {
        this.client = client;
        this.senders = senders;
        this.recipientsPerRequest = recipientsPerRequest;
        this.maxRequests = maxRequests;
        this.threads = IntStream.range(0, threadCount).mapToObj(i -> new Thread(this::run, "api-load-" + i)).toList();
    }

    static ApiLoad start(AcsClient client, List<String> senders, int recipientsPerRequest, int maxRequests, int threadCount) {
        ApiLoad load = new ApiLoad(client, senders, recipientsPerRequest, maxRequests, threadCount);
        load.threads.forEach(Thread::start);
        return load;
    }

    private void run() {
        int request;
        while (!stopped.get() && (request = issued.getAndIncrement()) < maxRequests) {
            String from = senders.get(request % senders.size());
            List<String> to = IntStream.range(0, recipientsPerRequest)
                    .mapToObj(i -> String.format("+1425556%04d", i)).toList();
            HttpResponse<String> answer;
            try {
                answer = client.send(from, to, "load " + request);
            } catch (IllegalStateException e) {
                otherAnswers.add("no answer: " + e.getMessage());
                continue;
            }
            if (answer.statusCode() == 202) {
                accepted.addAll(AcsClient.messageIds(answer));
                answered202.incrementAndGet();
            } else if (answer.statusCode() == 503) {
                unavailable.add(answer.headers().firstValue("Retry-After").orElse("no Retry-After"));
            } else {
                otherAnswers.add(answer.statusCode() + " " + answer.body());
            }
        }
    }

    /** Waits for every thread to finish its current request. */
    void stop() {
        stopped.set(true);
        awaitFinished();
    }

    void awaitFinished() {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Set<String> acceptedIds() {
        return Set.copyOf(accepted);
    }

    int answered202() {
        return answered202.get();
    }

    /** The Retry-After header of every 503. */
    List<String> unavailableAnswers() {
        return List.copyOf(unavailable);
    }

    List<String> otherAnswers() {
        return List.copyOf(otherAnswers);
    }

    @Override
    public void close() {
        stop();
    }
}
