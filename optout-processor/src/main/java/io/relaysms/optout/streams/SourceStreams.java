package io.relaysms.optout.streams;

import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.OptOutCommand;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicCatalog;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The input topics of one {@link StreamsBuilder}, each opened once: Kafka Streams refuses a topic registered
 * twice, and several topologies read {@code sms-inbound}. Each source is named {@code <topic base>-source} and
 * takes its records' time from the event they describe ({@link EventTimeExtractor}).
 */
public final class SourceStreams {

    private final StreamsBuilder builder;
    private final TopicCatalog topics;
    private final Map<String, KStream<String, ?>> opened = new HashMap<>();

    public SourceStreams(StreamsBuilder builder, TopicCatalog topics) {
        this.builder = builder;
        this.topics = topics;
    }

    public StreamsBuilder builder() {
        return builder;
    }

    public TopicCatalog topics() {
        return topics;
    }

    public KStream<String, InboundMessage> inbound() {
        return open(topics.inbound(), "inbound-source", EventTimeExtractor.inbound());
    }

    public KStream<String, OptOutCommand> optOutCommands() {
        return open(topics.optOutCommands(), "optout-commands-source", EventTimeExtractor.optOutCommands());
    }

    public KStream<String, SmsRequest> smsRequests() {
        return open(topics.smsRequests(), "requests-source", EventTimeExtractor.smsRequests());
    }

    public KStream<String, DispatchEvent> dispatchEvents() {
        return open(topics.dispatchEvents(), "dispatch-events-source", EventTimeExtractor.dispatchEvents());
    }

    public KStream<String, DeliveryReport> deliveryReports() {
        return open(topics.deliveryReports(), "delivery-reports-source", EventTimeExtractor.deliveryReports());
    }

    public KStream<String, OptOutState> optOuts() {
        return open(topics.optOuts(), "optouts-source", EventTimeExtractor.optOuts());
    }

    @SuppressWarnings("unchecked")
    private <V> KStream<String, V> open(Topic<String, V> topic, String name, TimestampExtractor time) {
        return (KStream<String, V>) opened.computeIfAbsent(topic.name(), t -> builder.stream(topic.name(),
                Consumed.with(topic.keySerde(), topic.valueSerde()).withTimestampExtractor(time).withName(name)));
    }
}
