package io.relaysms.optout.usage;

import io.relaysms.optout.streams.DeadLetterRouting;
import io.relaysms.schemas.DeliveryReason;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.MessageEncoding;
import io.relaysms.schemas.OptOutSource;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.schemas.UsageAggregate;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicKeys;
import io.relaysms.topics.TopicSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** {@link UsageTopology} in a TopologyTestDriver: one method per input event, outputs as the latest value per key. */
final class UsageDriver implements AutoCloseable {

    static final Instant NOON = Instant.parse("2026-05-01T12:00:00Z");
    static final Instant UPDATED = Instant.parse("2026-05-02T00:00:00Z");

    final TopologyTestDriver driver;
    final TestOutputTopic<String, UsageAggregate> hourly;
    final TestOutputTopic<String, UsageAggregate> daily;
    private final TestInputTopic<String, SmsRequest> requests;
    private final TestInputTopic<String, DispatchEvent> dispatchEvents;
    private final TestInputTopic<String, DeliveryReport> reports;
    private final TestInputTopic<String, InboundMessage> inbound;
    private final TestInputTopic<String, OptOutState> optOuts;
    private final AtomicInteger ids = new AtomicInteger();

    UsageDriver(UsageSettings settings) {
        TopicCatalog topics = TopicCatalog.create(new TopicSettings("", 1, (short) -1), Map.of());
        UsageTopology topology = new UsageTopology(topics, settings, Clock.fixed(UPDATED, ZoneOffset.UTC));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "usage-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterRouting.class.getName());
        driver = new TopologyTestDriver(topology.build(), props, NOON);
        requests = driver.createInputTopic(topics.smsRequests().name(), Serdes.String().serializer(), topics.smsRequests().valueSerde().serializer());
        dispatchEvents = driver.createInputTopic(topics.dispatchEvents().name(), Serdes.String().serializer(),
                topics.dispatchEvents().valueSerde().serializer());
        reports = driver.createInputTopic(topics.deliveryReports().name(), Serdes.String().serializer(),
                topics.deliveryReports().valueSerde().serializer());
        inbound = driver.createInputTopic(topics.inbound().name(), Serdes.String().serializer(), topics.inbound().valueSerde().serializer());
        optOuts = driver.createInputTopic(topics.optOuts().name(), Serdes.String().serializer(), topics.optOuts().valueSerde().serializer());
        hourly = driver.createOutputTopic(topics.usageHourly().name(), Serdes.String().deserializer(), topics.usageHourly().valueSerde().deserializer());
        daily = driver.createOutputTopic(topics.usageDaily().name(), Serdes.String().deserializer(), topics.usageDaily().valueSerde().deserializer());
    }

    void request(String from, String to, int segments, Instant at) {
        // Produced a minute later than accepted: the window follows acceptedAt, not the record's time.
        requests.pipeInput(from, SmsRequest.newBuilder().setMessageId("Outgoing_" + ids.incrementAndGet()).setFrom(from).setTo(to)
                .setMessage("hello").setSegmentCount(segments).setEncoding(MessageEncoding.GSM7).setAcceptedAt(at)
                .setValidUntil(at.plus(Duration.ofDays(1))).build(), at.plusSeconds(60));
    }

    void dispatched(String from, String to, DispatchOutcome outcome, Instant at) {
        dispatchEvents.pipeInput(from, DispatchEvent.newBuilder().setMessageId("Outgoing_" + ids.incrementAndGet()).setFrom(from)
                .setTo(to).setOutcome(outcome).setAttempt(1).setSegmentCount(1).setEncoding(MessageEncoding.GSM7)
                .setSourcePartition(0).setSourceOffset(ids.get()).setOccurredAt(at).setRequestAcceptedAt(at)
                .setValidUntil(at.plus(Duration.ofDays(1))).build(), at);
    }

    void delivered(String from, String to, Instant submittedAt, Instant at) {
        report(from, to, DeliveryStatus.Delivered, DeliveryReason.DELIVERED, submittedAt, at);
    }

    void failed(String from, String to, DeliveryReason reason, Instant at) {
        report(from, to, DeliveryStatus.Failed, reason, null, at);
    }

    private void report(String from, String to, DeliveryStatus status, DeliveryReason reason, Instant submittedAt, Instant at) {
        String id = "Outgoing_" + ids.incrementAndGet();
        reports.pipeInput(id, DeliveryReport.newBuilder().setMessageId(id).setFrom(from).setTo(to).setDeliveryStatus(status)
                .setDeliveryStatusDetails(status.name()).setReceivedTimestamp(at).setReason(reason).setSubmittedAt(submittedAt).build(), at);
    }

    void inbound(String handset, String ourNumber, Instant at) {
        inbound.pipeInput(ourNumber, InboundMessage.newBuilder().setMessageId("Incoming_" + ids.incrementAndGet()).setFrom(handset)
                .setTo(ourNumber).setMessage("hi").setReceivedTimestamp(at).setSegmentCount(1).build(), at);
    }

    void optOutChanged(String from, String to, boolean optedOut, Instant at) {
        optOuts.pipeInput(TopicKeys.optOut(from, to), OptOutState.newBuilder().setFrom(from).setTo(to).setOptedOut(optedOut)
                .setChangedAt(at).setSource(OptOutSource.KEYWORD).setKeyword(optedOut ? "STOP" : "START").setCountry(null).build(), at);
    }

    @Override
    public void close() {
        driver.close();
    }
}
