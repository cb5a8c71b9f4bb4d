package io.relaysms.tracker.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes events a subscriber never took to {@code sms-webhook-dead-letters}: key the event id (messageId), value the
 * CloudEvent JSON as it was last sent, and headers saying to whom, how often, why it failed and where it came from
 * ({@code relay.webhook.subscriber}, {@code .url}, {@code .attempts}, {@code .error}, {@code .written-at},
 * {@code .source-topic}, {@code .source-partition}, {@code .source-offset}).
 */
final class WebhookDeadLetters {

    private final Producer<String, byte[]> producer;
    private final String topic;

    WebhookDeadLetters(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    CompletableFuture<RecordMetadata> publish(WebhookSubscription subscription, Delivery delivery, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("relay.webhook.subscriber", utf8(subscription.name()));
        headers.add("relay.webhook.url", utf8(subscription.url().toString()));
        headers.add("relay.webhook.attempts", utf8(String.valueOf(delivery.failures())));
        headers.add("relay.webhook.error", utf8(reason));
        headers.add("relay.webhook.written-at", utf8(delivery.writtenAt().toString()));
        headers.add("relay.webhook.source-topic", utf8(delivery.partition().topic()));
        headers.add("relay.webhook.source-partition", utf8(String.valueOf(delivery.partition().partition())));
        headers.add("relay.webhook.source-offset", utf8(String.valueOf(delivery.offset())));
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, null, delivery.eventId(), delivery.body(), headers), (metadata, error) -> {
                if (error == null) {
                    result.complete(metadata);
                } else {
                    result.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
