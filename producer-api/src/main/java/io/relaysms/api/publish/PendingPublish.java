package io.relaysms.api.publish;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One request's records waiting for a transaction: all of them are committed together or none is.
 *
 * @param records       serialized records, in request order
 * @param done          completed after the commit, or exceptionally with {@link PublishFailedException}
 * @param deadlineNanos {@link System#nanoTime()} after which the request has been answered 503 and must not commit
 */
record PendingPublish(List<ProducerRecord<byte[], byte[]>> records, CompletableFuture<Void> done, long deadlineNanos) {
}
