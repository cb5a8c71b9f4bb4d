package io.relaysms.dispatcher.inbound;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicKeys;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes receipts to {@code carrier-receipts} (key {@code <carrierId>|<carrierMessageId as received>}) and
 * mobile-originated parts to {@code sms-inbound-raw} (key: our number); a store completes with the broker's
 * acknowledgement (acks=all, idempotent producer), or fails when there is none within the timeout. Many stores
 * in flight share the producer's batches, so receipts arriving together cost one produce request.
 */
public final class KafkaInboundSink implements InboundSink {

    private final Producer<byte[], byte[]> producer;
    private final Topic<String, CarrierReceipt> receipts;
    private final Topic<String, InboundMessagePart> parts;
    private final Duration ackTimeout;

    public KafkaInboundSink(Producer<byte[], byte[]> producer, TopicCatalog topics, Duration ackTimeout) {
        this.producer = producer;
        this.receipts = topics.carrierReceipts();
        this.parts = topics.inboundParts();
        this.ackTimeout = ackTimeout;
    }

    @Override
    public CompletableFuture<Void> storeReceipt(CarrierReceipt receipt) {
        return store(receipts, TopicKeys.receipt(receipt.getCarrierId(), receipt.getCarrierMessageId()), receipt);
    }

    @Override
    public CompletableFuture<Void> storeInboundPart(InboundMessagePart part) {
        return store(parts, part.getTo(), part);
    }

    private <V> CompletableFuture<Void> store(Topic<String, V> topic, String key, V value) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        try {
            byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
            byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
            producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), (metadata, error) -> {
                if (error == null) {
                    stored.complete(null);
                } else {
                    stored.completeExceptionally(new InboundStoreException(
                            "Kafka refused a record for " + topic.name() + ": " + error.getMessage(), error));
                }
            });
        } catch (RuntimeException e) {
            // send() itself throws when the record cannot even be queued (no metadata within max.block.ms, too large).
            stored.completeExceptionally(new InboundStoreException(
                    "Kafka refused a record for " + topic.name() + ": " + e.getMessage(), e));
            return stored;
        }
        return stored.orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(error ->
                CompletableFuture.failedFuture(error instanceof TimeoutException
                        ? new InboundStoreException("Kafka did not acknowledge a record for " + topic.name() + " within "
                                + ackTimeout, error)
                        : error));
    }
}
