package io.relaysms.dispatcher.dispatch;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/** Makes the Kafka clients of one incarnation of the dispatch loop (new ones after a fatal producer error). */
public interface DispatchClients {

    /** The group member consuming sms-requests (read_committed, no auto commit). */
    Consumer<byte[], byte[]> requestsConsumer();

    /** A consumer without group, assigned by hand, for take-over scans of sms-dispatch-events. */
    Consumer<byte[], byte[]> scanConsumer();

    /** A transactional producer for events, dead letters and offsets. */
    Producer<byte[], byte[]> transactionalProducer();
}
