package io.relaysms.tracker.inbound;

import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.tracker.metrics.TrackerMetrics;
import io.relaysms.tracker.streams.StateSerde;
import io.relaysms.tracker.streams.StoreKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Builds the inbound topology: {@code sms-inbound-raw} (parts as carriers sent them, keyed by our number) to
 * {@code sms-inbound} ({@link InboundMessage}, the ACS SMSReceived fields, keyed by our number), through the
 * {@code inbound-part-assembler}; parts that cannot be decoded go to {@code sms-inbound-raw-dlq}. No repartitioning:
 * the input's key already puts every part of a message in one partition.
 */
public final class InboundReassemblyTopology {

    public static final String PENDING_PARTS_STORE = "inbound-pending-parts";
    public static final String REASSEMBLY_DEADLINES_STORE = "inbound-reassembly-deadlines";

    private final TopicCatalog topics;
    private final Duration reassemblyTimeout;
    private final Duration punctuationInterval;
    private final Map<String, Gsm7Packing> packing;
    private final StoreKind stores;
    private final TrackerMetrics metrics;

    public InboundReassemblyTopology(TopicCatalog topics, Duration reassemblyTimeout, Duration punctuationInterval,
                                     Map<String, Gsm7Packing> packing, StoreKind stores, TrackerMetrics metrics) {
        this.topics = topics;
        this.reassemblyTimeout = reassemblyTimeout;
        this.punctuationInterval = punctuationInterval;
        this.packing = Map.copyOf(packing);
        this.stores = stores;
        this.metrics = metrics;
    }

    /** The input topics, whose unreadable records go to their dead-letter topics. */
    public List<Topic<?, ?>> inputs() {
        return List.of(topics.inboundParts());
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(stores.store(PENDING_PARTS_STORE, StateSerde.of(PendingMessage.class)));
        builder.addStateStore(stores.store(REASSEMBLY_DEADLINES_STORE, Serdes.String()));
        Topic<String, InboundMessagePart> input = topics.inboundParts();
        Topic<String, InboundMessage> output = topics.inbound();

        Map<String, KStream<String, AssemblerOutput>> results = builder
                .stream(input.name(), Consumed.with(input.keySerde(), input.valueSerde()).withName("inbound-parts-source"))
                .process(() -> new PartAssembler(reassemblyTimeout, punctuationInterval, packing, input.name(), metrics),
                        Named.as("inbound-part-assembler"), PENDING_PARTS_STORE, REASSEMBLY_DEADLINES_STORE)
                .split(Named.as("inbound-part-assembler-"))
                .branch((key, out) -> out instanceof AssemblerOutput.Published, Branched.as("published"))
                .defaultBranch(Branched.as("rejected"));

        results.get("inbound-part-assembler-published")
                .mapValues(out -> ((AssemblerOutput.Published) out).message(), Named.as("inbound-messages"))
                .to(output.name(), Produced.with(output.keySerde(), output.valueSerde()).withName("inbound-messages-sink"));
        results.get("inbound-part-assembler-rejected")
                .mapValues(out -> ((AssemblerOutput.Rejected) out).part(), Named.as("rejected-parts"))
                .to(topics.deadLetters(input).name(), Produced.with(Serdes.String(), input.valueSerde())
                        .withName("rejected-parts-sink"));
        return builder.build();
    }
}
