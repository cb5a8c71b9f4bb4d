package io.relaysms.optout.state;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relaysms.optout.OptOutSettings;
import io.relaysms.optout.streams.DeadLetterRouting;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.OptOutAction;
import io.relaysms.schemas.OptOutCommand;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicKeys;
import io.relaysms.topics.TopicSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** {@link OptOutTopology} in a TopologyTestDriver, with typed topics and the clock moved by hand. */
final class OptOutDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2026-05-01T12:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, InboundMessage> inbound;
    final TestInputTopic<String, byte[]> rawInbound;
    final TestInputTopic<String, OptOutCommand> commands;
    final TestOutputTopic<String, OptOutState> optOuts;
    final TestOutputTopic<String, SmsRequest> requests;
    final TestOutputTopic<byte[], byte[]> inboundDeadLetters;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final AtomicInteger ids = new AtomicInteger();

    OptOutDriver(OptOutSettings settings) {
        TopicCatalog topics = TopicCatalog.create(new TopicSettings("", 1, (short) -1), Map.of());
        OptOutTopology topology = new OptOutTopology(topics, settings.keywords(), settings.replies(), settings.autoReplies(), metrics);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "optout-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterRouting.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterRouting.class.getName());
        driver = new TopologyTestDriver(topology.build(), props, START);
        inbound = driver.createInputTopic(topics.inbound().name(), Serdes.String().serializer(), topics.inbound().valueSerde().serializer());
        rawInbound = driver.createInputTopic(topics.inbound().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        commands = driver.createInputTopic(topics.optOutCommands().name(), Serdes.String().serializer(),
                topics.optOutCommands().valueSerde().serializer());
        optOuts = driver.createOutputTopic(topics.optOuts().name(), Serdes.String().deserializer(), topics.optOuts().valueSerde().deserializer());
        requests = driver.createOutputTopic(topics.smsRequests().name(), Serdes.String().deserializer(),
                topics.smsRequests().valueSerde().deserializer());
        inboundDeadLetters = driver.createOutputTopic(topics.deadLetters(topics.inbound()).name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    /** The handset texts our number at the given time; returns the inbound messageId. */
    String receive(String handset, String ourNumber, String text, Instant at) {
        String id = "Incoming_" + ids.incrementAndGet();
        inbound.pipeInput(ourNumber, InboundMessage.newBuilder().setMessageId(id).setFrom(handset).setTo(ourNumber)
                .setMessage(text).setReceivedTimestamp(at).setSegmentCount(1).build(), at);
        return id;
    }

    String receive(String handset, String ourNumber, String text, Duration afterStart) {
        return receive(handset, ourNumber, text, START.plus(afterStart));
    }

    /** The API asks to opt the recipient out (ADD) or back in (REMOVE) at the given time. */
    String command(String from, String to, OptOutAction action, Instant requestedAt) {
        String id = "cmd-" + ids.incrementAndGet();
        commands.pipeInput(TopicKeys.optOut(from, to), OptOutCommand.newBuilder().setCommandId(id).setFrom(from).setTo(to)
                .setAction(action).setRequestedAt(requestedAt).build(), requestedAt);
        return id;
    }

    ValueAndTimestamp<OptOutState> stored(String from, String to) {
        return driver.<String, OptOutState>getTimestampedKeyValueStore(OptOutTopology.STATE_STORE).get(TopicKeys.optOut(from, to));
    }

    double counted(String name, String... tags) {
        return metrics.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Override
    public void close() {
        driver.close();
    }
}
