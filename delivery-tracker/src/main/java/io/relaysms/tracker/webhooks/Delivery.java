package io.relaysms.tracker.webhooks;

import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/**
 * One event on its way to one subscriber: where it came from (to commit it), its CloudEvent bytes, when it was
 * written (its retry window starts there) and how its attempts went so far. Touched by one attempt at a time.
 */
final class Delivery {

    private final TopicPartition partition;
    private final long offset;
    private final String eventId;
    private final byte[] body;
    private final Instant writtenAt;
    private int failures;
    private String lastError = "";

    Delivery(TopicPartition partition, long offset, String eventId, byte[] body, Instant writtenAt) {
        this.partition = partition;
        this.offset = offset;
        this.eventId = eventId;
        this.body = body;
        this.writtenAt = writtenAt;
    }

    void failed(String error) {
        failures++;
        lastError = error;
    }

    TopicPartition partition() {
        return partition;
    }

    long offset() {
        return offset;
    }

    String eventId() {
        return eventId;
    }

    byte[] body() {
        return body;
    }

    Instant writtenAt() {
        return writtenAt;
    }

    int failures() {
        return failures;
    }

    String lastError() {
        return lastError;
    }
}
