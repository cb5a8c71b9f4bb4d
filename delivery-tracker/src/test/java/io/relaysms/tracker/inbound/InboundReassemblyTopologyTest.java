package io.relaysms.tracker.inbound;

import static io.relaysms.tracker.TestEvents.part;
import static io.relaysms.tracker.TestEvents.withUdh;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.schemas.MessageEncoding;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicSettings;
import io.relaysms.tracker.metrics.TrackerMetrics;
import io.relaysms.tracker.streams.StoreKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboundReassemblyTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private TopologyTestDriver driver;
    private TestInputTopic<String, InboundMessagePart> parts;
    private TestOutputTopic<String, InboundMessage> messages;
    private TestOutputTopic<String, InboundMessagePart> rejected;

    @BeforeEach
    void start() throws IOException {
        TopicCatalog topics = TopicCatalog.create(TopicSettings.defaults(), Map.of());
        InboundReassemblyTopology topology = new InboundReassemblyTopology(topics, TIMEOUT, Duration.ofSeconds(1), Map.of(),
                StoreKind.ROCKSDB, new TrackerMetrics(new SimpleMeterRegistry()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "inbound-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory(Files.createDirectories(Path.of("target", "streams-state")), "inbound").toString());
        driver = new TopologyTestDriver(topology.build(), props, T0);
        parts = driver.createInputTopic(topics.inboundParts().name(), Serdes.String().serializer(),
                topics.inboundParts().valueSerde().serializer());
        messages = driver.createOutputTopic(topics.inbound().name(), Serdes.String().deserializer(),
                topics.inbound().valueSerde().deserializer());
        rejected = driver.createOutputTopic(topics.deadLetters(topics.inboundParts()).name(), Serdes.String().deserializer(),
                topics.inboundParts().valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void send(InboundMessagePart part) {
        parts.pipeInput(part.getTo(), part);
    }

    private static byte[] gsm(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void publishesASinglePartAtOnceWithAnAcsIncomingId() {
        send(part(0, 0, gsm("STOP"), T0).build());

        var record = messages.readRecord();
        assertThat(record.key()).isEqualTo("+18005550100");
        InboundMessage message = record.value();
        assertThat(message.getMessage()).isEqualTo("STOP");
        assertThat(message.getMessageId()).matches("Incoming_20261127080000[0-9a-f-]{36}");
        assertThat(message.getSegmentCount()).isEqualTo(1);
        assertThat(message.getComplete()).isTrue();
        assertThat(message.getExpectedSegmentCount()).isNull();
    }

    @Test
    void reassemblesUdhPartsThatArriveOutOfOrder() {
        send(part(0, 0x40, withUdh(7, 3, 3, gsm("three.")), T0.plusSeconds(2)).build());
        send(part(0, 0x40, withUdh(7, 3, 1, gsm("One, ")), T0).build());
        assertThat(messages.isEmpty()).isTrue();
        send(part(0, 0x40, withUdh(7, 3, 2, gsm("two, ")), T0.plusSeconds(1)).build());

        InboundMessage message = messages.readValue();
        assertThat(message.getMessage()).isEqualTo("One, two, three.");
        assertThat(message.getSegmentCount()).isEqualTo(3);
        assertThat(message.getExpectedSegmentCount()).isEqualTo(3);
        assertThat(message.getReceivedTimestamp()).isEqualTo(T0.plusSeconds(2));
        assertThat(messages.isEmpty()).isTrue();
    }

    @Test
    void reassemblesUcs2PartsConcatenatedWithSarTlvs() {
        byte[] text = "Привет, мир".getBytes(StandardCharsets.UTF_16BE);
        send(part(8, 0, java.util.Arrays.copyOfRange(text, 0, 10), T0).setSarReferenceNumber(300).setSarTotalSegments(2)
                .setSarSegmentSequence(1).build());
        send(part(8, 0, java.util.Arrays.copyOfRange(text, 10, text.length), T0).setSarReferenceNumber(300).setSarTotalSegments(2)
                .setSarSegmentSequence(2).build());

        InboundMessage message = messages.readValue();
        assertThat(message.getMessage()).isEqualTo("Привет, мир");
        assertThat(message.getEncoding()).isEqualTo(MessageEncoding.UCS2);
    }

    @Test
    void publishesThePartsThatArrivedAloneWhenTheOthersNeverCome() {
        send(part(0, 0x40, withUdh(9, 2, 1, gsm("first half ")), T0).build());

        driver.advanceWallClockTime(TIMEOUT.minusSeconds(5));
        assertThat(messages.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(6));

        InboundMessage message = messages.readValue();
        assertThat(message.getMessage()).isEqualTo("first half ");
        assertThat(message.getComplete()).isFalse();
        assertThat(message.getSegmentCount()).isEqualTo(1);
        assertThat(message.getExpectedSegmentCount()).isEqualTo(2);
    }

    @Test
    void ignoresARepeatedPart() {
        send(part(0, 0x40, withUdh(4, 2, 1, gsm("a")), T0).build());
        send(part(0, 0x40, withUdh(4, 2, 1, gsm("a")), T0).build());
        send(part(0, 0x40, withUdh(4, 2, 2, gsm("b")), T0).build());

        assertThat(messages.readValuesToList()).extracting(InboundMessage::getMessage).containsExactly("ab");
    }

    @Test
    void keepsTheMessagesOfTwoHandsetsWithTheSameReferenceApart() {
        send(part(0, 0x40, withUdh(1, 2, 1, gsm("A1 ")), T0).build());
        send(part(0, 0x40, withUdh(1, 2, 1, gsm("B1 ")), T0).setFrom("+15550002222").build());
        send(part(0, 0x40, withUdh(1, 2, 2, gsm("B2")), T0).setFrom("+15550002222").build());
        send(part(0, 0x40, withUdh(1, 2, 2, gsm("A2")), T0).build());

        assertThat(messages.readValuesToList()).extracting(InboundMessage::getMessage).containsExactly("B1 B2", "A1 A2");
    }

    @Test
    void publishesTheHandsetNumberInE164WhenTheCarrierSentItInNationalFormat() {
        send(part(0, 0x40, withUdh(3, 2, 1, gsm("Hello ")), T0).setFrom("(201) 555-0123").build());
        send(part(0, 0x40, withUdh(3, 2, 2, gsm("there")), T0).setFrom("(201) 555-0123").build());

        InboundMessage message = messages.readValue();
        assertThat(message.getFrom()).isEqualTo("+12015550123");
        assertThat(message.getMessage()).isEqualTo("Hello there");
    }

    @Test
    void publishesTheHandsetNumberInE164WhenTheCarrierSentItWithoutThePlus() {
        send(part(0, 0, gsm("STOP"), T0).setFrom("447911123456").build());

        assertThat(messages.readValue().getFrom()).isEqualTo("+447911123456");
    }

    @Test
    void sendsAPartWithoutDecodableTextToTheDeadLetterTopicWithTheReason() {
        send(part(4, 0, new byte[] {1, 2, 3}, T0).build());

        var dead = rejected.readRecord();
        assertThat(dead.value().getDataCoding()).isEqualTo(4);
        assertThat(new String(dead.headers().lastHeader("relay.dlq.error.message").value(), StandardCharsets.UTF_8))
                .isEqualTo("data_coding 4 carries no text Relay can decode");
        assertThat(messages.isEmpty()).isTrue();
    }
}
