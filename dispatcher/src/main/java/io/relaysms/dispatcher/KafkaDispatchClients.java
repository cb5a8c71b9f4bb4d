package io.relaysms.dispatcher;

import io.relaysms.dispatcher.dispatch.DispatchClients;
import io.relaysms.runtime.KafkaEnvironment;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The dispatch loop's Kafka clients, from the service's configuration. Values are read and written as bytes so
 * that an unreadable request reaches the loop (and its dead-letter topic) instead of stopping the consumer. The
 * producer's transactional.id is the group plus the worker id: a worker restarted under the same id fences its
 * previous incarnation, and KIP-447 group metadata fences zombies across ids.
 */
final class KafkaDispatchClients implements DispatchClients {

    private final KafkaEnvironment kafka;
    private final String groupId;
    private final String workerId;
    private final int transactionTimeoutMillis;

    KafkaDispatchClients(KafkaEnvironment kafka, String groupId, String workerId, int transactionTimeoutMillis) {
        this.kafka = kafka;
        this.groupId = groupId;
        this.workerId = workerId;
        this.transactionTimeoutMillis = transactionTimeoutMillis;
    }

    @Override
    public Consumer<byte[], byte[]> requestsConsumer() {
        Properties p = kafka.consumerProperties(groupId, Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, workerId + "-requests",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> scanConsumer() {
        Properties p = kafka.consumerProperties(groupId, Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, workerId + "-takeover-scan",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Producer<byte[], byte[]> transactionalProducer() {
        Properties p = kafka.producerProperties(workerId + "-events", Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, groupId + "-" + workerId,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(transactionTimeoutMillis),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.ACKS_CONFIG, "all"));
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A plain idempotent producer for receipts, inbound parts and opt-out dead letters. */
    Producer<byte[], byte[]> inboundProducer() {
        Properties p = kafka.producerProperties(workerId + "-inbound", Map.of(ProducerConfig.LINGER_MS_CONFIG, "0"));
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A consumer without group for following the opt-out table. */
    Properties optOutConsumerProperties() {
        Properties p = kafka.consumerProperties(groupId, Map.of(ConsumerConfig.CLIENT_ID_CONFIG, workerId + "-optouts"));
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return p;
    }
}
