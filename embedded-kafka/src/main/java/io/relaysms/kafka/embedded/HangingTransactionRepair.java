package io.relaysms.kafka.embedded;

import io.relaysms.kafka.embedded.HangingTransactions.OpenTransaction;
import io.relaysms.kafka.embedded.HangingTransactions.Repair;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds transactions the embedded broker left hanging ({@link HangingTransactions}) and writes their missing markers.
 * It scans every partition's producers on a schedule while the broker runs; only a transaction seen open in two scans in
 * a row sends it to the transaction log for its coordinator's decision, so the log is read rarely: a healthy
 * transaction lasts a fraction of a scan interval, and one that stays open undecided is looked up again less and less
 * often ({@link TransactionLookupBackoff}).
 */
final class HangingTransactionRepair implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HangingTransactionRepair.class);
    /** An undecided transaction's second look at the log comes this long after its first, and later looks wait longer. */
    static final Duration FIRST_LOOKUP_DELAY = Duration.ofSeconds(5);
    static final Duration LONGEST_LOOKUP_DELAY = Duration.ofMinutes(2);

    private final String bootstrapServers;
    private final Duration requestTimeout;
    private final Admin admin;
    private final TransactionMarkerWriter markers;
    private final ScheduledExecutorService schedule;
    private final TransactionLookupBackoff lookups = new TransactionLookupBackoff(FIRST_LOOKUP_DELAY, LONGEST_LOOKUP_DELAY);
    private Set<OpenTransaction> openAtLastScan = Set.of();

    HangingTransactionRepair(InetSocketAddress broker, Duration requestTimeout) {
        this.bootstrapServers = broker.getHostString() + ":" + broker.getPort();
        this.requestTimeout = requestTimeout;
        int timeoutMillis = Math.toIntExact(requestTimeout.toMillis());
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "relay-transaction-repair",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis));
        this.markers = new TransactionMarkerWriter(broker, requestTimeout);
        this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "relay-transaction-repair");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Scans every {@code interval} until closed. */
    HangingTransactionRepair scanEvery(Duration interval) {
        schedule.scheduleWithFixedDelay(this::scanQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The broker may be starting or stopping; the next scan tries again.
            log.debug("scan for hanging transactions failed", e);
        }
    }

    /** One scan: returns the markers it wrote. */
    synchronized List<Repair> scan() throws Exception {
        Set<OpenTransaction> open = openTransactions(allPartitions());
        Set<OpenTransaction> seenTwice = new HashSet<>();
        for (OpenTransaction transaction : open) {
            if (openAtLastScan.stream().anyMatch(transaction::sameAs)) {
                seenTwice.add(transaction);
            }
        }
        openAtLastScan = open;
        lookups.keepOnly(open);
        long now = System.nanoTime() / 1_000_000;
        List<OpenTransaction> suspects = lookups.due(seenTwice, now);
        if (suspects.isEmpty()) {
            return List.of();
        }
        Set<Long> producerIds = new HashSet<>();
        suspects.forEach(transaction -> producerIds.add(transaction.producerId()));
        List<TransactionLogHistory.Entry> history = TransactionLogHistory.read(bootstrapServers, requestTimeout, producerIds);
        Set<TopicPartition> partitions = new HashSet<>();
        suspects.forEach(transaction -> partitions.add(transaction.partition()));
        List<Repair> repairs = HangingTransactions.toRepair(suspects, history, openTransactions(partitions));
        // A repair whose marker could not be written is looked up again at the next scan, not after a delay.
        Set<OpenTransaction> toRepair = new HashSet<>();
        repairs.forEach(repair -> toRepair.add(repair.transaction()));
        lookups.noRepairFound(suspects.stream().filter(transaction -> !toRepair.contains(transaction)).toList(), now);
        List<Repair> written = new ArrayList<>();
        for (Repair repair : repairs) {
            OpenTransaction transaction = repair.transaction();
            try {
                markers.write(transaction.partition(), transaction.producerId(), transaction.producerEpoch(), transaction.coordinatorEpoch(), repair.marker());
                log.warn("Kafka left a transaction hanging: {}; wrote the missing {} marker", repair.describe(), repair.marker());
                written.add(repair);
            } catch (IOException e) {
                // Consumers reading committed records stay stuck on this partition until the marker is written.
                log.warn("Kafka left a transaction hanging: {}; writing the missing {} marker failed, the next scan tries again: {}",
                        repair.describe(), repair.marker(), e.getMessage());
            }
        }
        return written;
    }

    private Set<TopicPartition> allPartitions() throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        Set<TopicPartition> partitions = new HashSet<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(partition -> partitions.add(new TopicPartition(topic.name(), partition.partition())));
        }
        return partitions;
    }

    private Set<OpenTransaction> openTransactions(Collection<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        Set<OpenTransaction> open = new HashSet<>();
        admin.describeProducers(partitions).all().get().forEach((partition, state) -> {
            for (ProducerState producer : state.activeProducers()) {
                producer.currentTransactionStartOffset().ifPresent(start -> open.add(new OpenTransaction(partition,
                        producer.producerId(), (short) producer.producerEpoch(), producer.coordinatorEpoch().orElse(-1), start)));
            }
        });
        return open;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        try {
            schedule.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
