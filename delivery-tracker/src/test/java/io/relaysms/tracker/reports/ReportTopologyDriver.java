package io.relaysms.tracker.reports;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicSettings;
import io.relaysms.topics.TopicKeys;
import io.relaysms.tracker.ids.CarrierIdFormats;
import io.relaysms.tracker.ids.MatchKeys;
import io.relaysms.tracker.metrics.TrackerMetrics;
import io.relaysms.tracker.streams.DeadLetterHandler;
import io.relaysms.tracker.streams.StoreKind;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The delivery-report topology in a {@link TopologyTestDriver}, with typed topics and a hand-moved clock. */
final class ReportTopologyDriver implements AutoCloseable {

    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(72);
    static final Duration HELD_RETENTION = Duration.ofHours(1);

    final TopologyTestDriver driver;
    final TestInputTopic<String, DispatchEvent> dispatch;
    final TestInputTopic<String, CarrierReceipt> receipts;
    final TestOutputTopic<String, DeliveryReport> reports;
    final TestOutputTopic<String, CarrierReceipt> unmatchedReceipts;
    final TestInputTopic<String, byte[]> rawReceipts;
    final TestOutputTopic<byte[], byte[]> receiptDeadLetters;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    ReportTopologyDriver(Instant start, CarrierIdFormats formats) {
        TopicCatalog topics = TopicCatalog.create(TopicSettings.defaults(), Map.of());
        ReportSettings settings = new ReportSettings(DEFAULT_TIMEOUT, HELD_RETENTION, Duration.ofDays(7), Duration.ofSeconds(1));
        DeliveryReportTopology topology = new DeliveryReportTopology(topics, new MatchKeys(formats), settings,
                StoreKind.ROCKSDB, new TrackerMetrics(registry));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "report-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(DeadLetterHandler.TOPICS_CONFIG, topics.dispatchEvents().name() + "," + topics.carrierReceipts().name());
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "streams-state")), "report-topology").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(topology.build(), props, start);
        Topic<String, DispatchEvent> dispatchTopic = topics.dispatchEvents();
        Topic<String, CarrierReceipt> receiptTopic = topics.carrierReceipts();
        dispatch = driver.createInputTopic(dispatchTopic.name(), Serdes.String().serializer(), dispatchTopic.valueSerde().serializer());
        receipts = driver.createInputTopic(receiptTopic.name(), Serdes.String().serializer(), receiptTopic.valueSerde().serializer());
        reports = driver.createOutputTopic(topics.deliveryReports().name(), Serdes.String().deserializer(),
                topics.deliveryReports().valueSerde().deserializer());
        rawReceipts = driver.createInputTopic(receiptTopic.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        receiptDeadLetters = driver.createOutputTopic(topics.deadLetters(receiptTopic).name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
        unmatchedReceipts = driver.createOutputTopic(topics.deadLetters(receiptTopic).name(), Serdes.String().deserializer(),
                receiptTopic.valueSerde().deserializer());
    }

    void send(DispatchEvent event) {
        dispatch.pipeInput(event.getFrom(), event);
    }

    void send(CarrierReceipt receipt) {
        receipts.pipeInput(TopicKeys.receipt(receipt.getCarrierId(), receipt.getCarrierMessageId()), receipt);
    }

    void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    KeyValueStore<String, MessageTrack> messages() {
        return driver.getKeyValueStore(DeliveryReportTopology.MESSAGES_STORE);
    }

    @Override
    public void close() {
        driver.close();
    }
}
