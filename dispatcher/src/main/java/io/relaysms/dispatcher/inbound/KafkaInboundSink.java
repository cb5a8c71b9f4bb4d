package io.relaysms.dispatcher.inbound;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicKeys;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes receipts to {@code carrier-receipts} (key {@code <carrierId>|<carrierMessageId as received>}) and
 * mobile-originated parts to {@code sms-inbound-raw} (key: our number), waiting for the broker's acknowledgement
 * (acks=all, idempotent producer) up to a timeout.
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
    public void receipt(CarrierReceipt receipt) throws InboundStoreException {
        store(receipts, TopicKeys.receipt(receipt.getCarrierId(), receipt.getCarrierMessageId()), receipt);
    }

    @Override
    public void inboundPart(InboundMessagePart part) throws InboundStoreException {
        store(parts, part.getTo(), part);
    }

    private <V> void store(Topic<String, V> topic, String key, V value) throws InboundStoreException {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new InboundStoreException("Kafka refused a record for " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new InboundStoreException("Kafka did not acknowledge a record for " + topic.name() + " within " + ackTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboundStoreException("interrupted while storing a record for " + topic.name(), e);
        }
    }
}
