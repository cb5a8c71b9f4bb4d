package io.relaysms.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repair against a real broker, on transactions left hanging: records on a partition under a transaction that the
 * coordinator has decided and moved on from without that partition's marker. Kafka 4.4 leaves them when it shuts down
 * mid-commit, which a test cannot time; this test makes one by writing a transactional batch, after the coordinator's
 * marker, straight to a partition the decision named, under the epoch the decision was logged with. That is a hanging
 * transaction of transaction version 1, which keeps one epoch per producer, so the broker runs version 1 (version 2
 * fences a write under the decided epoch; its rule is covered by {@link HangingTransactionsTest} and by
 * {@code BrokerRestartIT}). The produce request has version 11 (no implicit registration with the coordinator), which
 * the broker accepts only because partition verification is off.
 */
class HangingTransactionRepairIT {

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder()
                .brokerProperty("transaction.partition.verification.enable", "false")
                .hangingTransactionScanInterval(Duration.ofMillis(300))
                .build().start();
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
        try {
            admin.updateFeatures(Map.of("transaction.version", new FeatureUpdate((short) 1, FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)),
                    new UpdateFeaturesOptions()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot run the broker at transaction version 1", e);
        }
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void writesTheCommitMarkerForATransactionItsCoordinatorCommitted() throws Exception {
        String topic = topic("committed");
        TransactionDescription committed = finishTransaction(topic, "committing-producer", true);
        assertThat(committed.state()).isEqualTo(TransactionState.COMPLETE_COMMIT);
        TopicPartition hanging = new TopicPartition(topic, 0);

        leaveHanging(hanging, "committing-producer", committed, "confirmed to its producer");
        assertThat(lastStableOffset(hanging)).isLessThan(endOffset(hanging));

        await().atMost(Duration.ofSeconds(30)).until(() -> lastStableOffset(hanging) == endOffset(hanging));
        assertThat(readCommitted(hanging)).containsExactly("partition 0", "confirmed to its producer");
    }

    @Test
    void writesTheAbortMarkerForATransactionItsCoordinatorAborted() throws Exception {
        String topic = topic("aborted");
        TransactionDescription aborted = finishTransaction(topic, "aborting-producer", false);
        assertThat(aborted.state()).isEqualTo(TransactionState.COMPLETE_ABORT);
        TopicPartition hanging = new TopicPartition(topic, 0);

        leaveHanging(hanging, "aborting-producer", aborted, "rolled back");

        await().atMost(Duration.ofSeconds(30)).until(() -> lastStableOffset(hanging) == endOffset(hanging));
        try (KafkaProducer<String, String> plain = new KafkaProducer<>(producerSettings(Map.of()))) {
            plain.send(new ProducerRecord<>(topic, 0, "k", "written after")).get();
        }
        assertThat(readCommitted(hanging)).containsExactly("written after");
    }

    /** The decision names the partitions; under version 1 it is logged under the transaction's own epoch. */
    @Test
    void readsTheCoordinatorsDecisionsFromTheTransactionLog() throws Exception {
        String topic = topic("decided");
        TransactionDescription committed = finishTransaction(topic, "deciding-producer", true);

        List<TransactionLogHistory.Entry> history = TransactionLogHistory.read(broker.bootstrapServers(), Duration.ofSeconds(10),
                Set.of(committed.producerId()));

        assertThat(history).extracting(TransactionLogHistory.Entry::transactionalId).containsOnly("deciding-producer");
        assertThat(history).extracting(TransactionLogHistory.Entry::state).containsSubsequence(
                org.apache.kafka.coordinator.transaction.TransactionState.ONGOING,
                org.apache.kafka.coordinator.transaction.TransactionState.PREPARE_COMMIT,
                org.apache.kafka.coordinator.transaction.TransactionState.COMPLETE_COMMIT);
        TransactionLogHistory.Entry ongoing = history.stream()
                .filter(entry -> entry.state() == org.apache.kafka.coordinator.transaction.TransactionState.ONGOING).findFirst().orElseThrow();
        TransactionLogHistory.Entry decision = history.stream()
                .filter(entry -> entry.state() == org.apache.kafka.coordinator.transaction.TransactionState.PREPARE_COMMIT).findFirst().orElseThrow();
        assertThat(decision.partitions()).containsExactly(new TopicPartition(topic, 0));
        assertThat(decision.producerId()).isEqualTo(committed.producerId());
        assertThat(decision.producerEpoch()).isEqualTo(ongoing.producerEpoch());
        assertThat(decision.transactionVersion()).isLessThan((short) 2);
    }

    /** A commit on the partition, then the producer's next transaction on it, in progress: the commit is not its decision. */
    @Test
    void leavesATransactionInProgressAlone() throws Exception {
        String topic = topic("in-progress");
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(Map.of("transactional.id", "slow-producer")));
             HangingTransactionRepair repair = new HangingTransactionRepair(new InetSocketAddress("127.0.0.1", broker.port()), Duration.ofSeconds(10))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "k", "committed first")).get();
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "k", "not yet committed")).get();

            // A scan covers every partition of the broker; the other tests' partitions are not this test's business.
            assertThat(repair.scan()).noneMatch(repaired -> repaired.transaction().partition().equals(partition));
            assertThat(repair.scan()).noneMatch(repaired -> repaired.transaction().partition().equals(partition));
            assertThat(lastStableOffset(partition)).isLessThan(endOffset(partition));

            producer.commitTransaction();
        }
        assertThat(readCommitted(partition)).containsExactly("committed first", "not yet committed");
    }

    private static String topic(String name) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, 2, (short) 1))).all().get();
        return name;
    }

    /** A transaction on partition 0, committed or aborted; returns how its coordinator describes it once it is done. */
    private static TransactionDescription finishTransaction(String topic, String transactionalId, boolean commit) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(Map.of("transactional.id", transactionalId)))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "k", "partition 0")).get();
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
        // The producer's commit or abort returns once the coordinator has logged the decision, before the markers.
        return await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTransactions(List.of(transactionalId)).description(transactionalId).get(),
                description -> description.state() == TransactionState.COMPLETE_COMMIT || description.state() == TransactionState.COMPLETE_ABORT);
    }

    /** Transactional records on a partition, under the epoch the coordinator's last decision was logged with (version 1). */
    private static void leaveHanging(TopicPartition partition, String transactionalId, TransactionDescription finished, String value)
            throws Exception {
        short recordsEpoch = (short) finished.producerEpoch();
        // The next sequence number: a repeated one would be taken for a retry and acknowledged without being written.
        int sequence = admin.describeProducers(List.of(partition)).partitionResult(partition).get().activeProducers().stream()
                .filter(producer -> producer.producerId() == finished.producerId())
                .mapToInt(producer -> producer.lastSequence() + 1).findFirst().orElse(0);
        ProduceRequestData request = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(10_000).setTransactionalId(transactionalId);
        ProduceRequestData.TopicProduceData topicData = new ProduceRequestData.TopicProduceData().setName(partition.topic());
        topicData.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(partition.partition())
                .setRecords(MemoryRecords.withTransactionalRecords(Compression.NONE, finished.producerId(), recordsEpoch, sequence,
                        new SimpleRecord("k".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)))));
        request.topicData().add(topicData);
        short version = 11;
        var response = (ProduceResponse) SingleRequestConnection.send(new InetSocketAddress("127.0.0.1", broker.port()),
                new ProduceRequest.Builder(version, version, request).build(version), "hanging-transaction-test", Duration.ofSeconds(10));
        assertThat(response.data().responses()).singleElement().satisfies(topicResponse ->
                assertThat(Errors.forCode(topicResponse.partitionResponses().get(0).errorCode())).isEqualTo(Errors.NONE));
    }

    private static long lastStableOffset(TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition).get().offset();
    }

    private static long endOffset(TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
    }

    private static List<String> readCommitted(TopicPartition partition) throws Exception {
        long end = lastStableOffset(partition);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "isolation.level", "read_committed", "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return consumer.position(partition) >= end;
            });
        }
        return values;
    }

    private static Map<String, Object> producerSettings(Map<String, Object> extra) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class));
        settings.putAll(extra);
        return settings;
    }
}
