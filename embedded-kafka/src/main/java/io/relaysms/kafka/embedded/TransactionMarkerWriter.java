package io.relaysms.kafka.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.TransactionResult;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersResponse;

/**
 * Writes one COMMIT or ABORT marker for a producer's open transaction on one partition: the WriteTxnMarkers request a
 * transaction coordinator sends to a partition leader. Kafka's Admin client sends the same request, but only to abort
 * ({@code Admin.abortTransaction}); a transaction the coordinator has already committed needs the commit marker, or the
 * records it confirmed to its producer are dropped.
 */
final class TransactionMarkerWriter {

    /** Version 1 carries no transaction version, so the leader checks the marker the way it checks Admin's aborts. */
    private static final short REQUEST_VERSION = 1;

    private final InetSocketAddress leader;
    private final Duration timeout;

    TransactionMarkerWriter(InetSocketAddress leader, Duration timeout) {
        this.leader = leader;
        this.timeout = timeout;
    }

    /**
     * @param producerEpoch the epoch the partition holds for the producer (a marker may not carry an older one)
     * @param coordinatorEpoch the coordinator epoch the partition last saw for the producer (a lower one is fenced)
     */
    void write(TopicPartition partition, long producerId, short producerEpoch, int coordinatorEpoch, TransactionResult result)
            throws IOException {
        var marker = new WriteTxnMarkersRequest.TxnMarkerEntry(producerId, producerEpoch, coordinatorEpoch, result,
                List.of(partition), (short) 0);
        var response = (WriteTxnMarkersResponse) SingleRequestConnection.send(leader,
                new WriteTxnMarkersRequest.Builder(List.of(marker)).build(REQUEST_VERSION), "relay-transaction-repair", timeout);
        Errors error = response.errorsByProducerId().getOrDefault(producerId, Map.of()).getOrDefault(partition, Errors.UNKNOWN_SERVER_ERROR);
        if (error != Errors.NONE) {
            throw new IOException("the broker refused a " + result + " marker for producer " + producerId + " on " + partition
                    + ": " + error.name() + " (" + error.message() + ")");
        }
    }
}
