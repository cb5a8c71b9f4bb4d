package io.relaysms.optout.state;

import io.micrometer.core.instrument.MeterRegistry;
import io.relaysms.optout.autoreply.AutoReplyDecision;
import io.relaysms.optout.autoreply.AutoReplySettings;
import io.relaysms.optout.autoreply.ReplyHistory;
import io.relaysms.optout.autoreply.ReplyRules;
import io.relaysms.optout.keywords.KeywordRules;
import io.relaysms.optout.streams.JsonSerde;
import io.relaysms.optout.streams.SourceStreams;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicCatalog;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Opt-out state and automatic replies.
 *
 * <p>Consumes {@code sms-inbound} (keywords, matched per number by {@link KeywordRules}) and
 * {@code sms-optout-commands} (API add/remove), turns both into {@link OptOutEvent}s keyed by pair
 * ({@code <from>|<to>}) and routes them through one repartition topic ({@code optout-events}), so that one task
 * sees every event of a pair. There {@link OptOutEventProcessor} applies them in order of event time.
 *
 * <p>Produces {@code sms-optouts} (compacted, key {@code <from>|<to>}, an {@link OptOutState} on every change:
 * the contract the dispatcher and the producer-api read) and automatic replies into {@code sms-requests} (key:
 * the sending number, {@code origin=AUTO_REPLY}). Stores: {@value #STATE_STORE} (queryable: the state of each
 * pair, with the time of its newest event) and {@value ReplyHistory#STORE} (the loop guard's memory).
 */
public final class OptOutTopology {

    public static final String STATE_STORE = "optout-state";
    public static final String EVENTS_REPARTITION = "optout-events";

    private final TopicCatalog topics;
    private final OptOutEvents events;
    private final ReplyRules replyRules;
    private final AutoReplySettings replySettings;
    private final MeterRegistry metrics;

    public OptOutTopology(TopicCatalog topics, KeywordRules keywords, ReplyRules replyRules, AutoReplySettings replySettings,
                          MeterRegistry metrics) {
        this.topics = topics;
        this.events = new OptOutEvents(keywords);
        this.replyRules = replyRules;
        this.replySettings = replySettings;
        this.metrics = metrics;
    }

    /** This topology alone, for tests and for running it on its own. */
    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(new SourceStreams(builder, topics));
        return builder.build();
    }

    public void addTo(SourceStreams sources) {
        Topic<String, OptOutState> optOuts = topics.optOuts();
        Topic<String, SmsRequest> requests = topics.smsRequests();
        StreamsBuilder builder = sources.builder();
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(STATE_STORE),
                Serdes.String(), optOuts.valueSerde()));
        builder.addStateStore(ReplyHistory.storeBuilder());

        KStream<String, OptOutEvent> fromKeywords = sources.inbound()
                .flatMapValues(inbound -> events.fromInbound(inbound).map(List::of).orElse(List.of()), Named.as("optout-keyword-events"))
                .selectKey((ourNumber, event) -> event.pairKey(), Named.as("optout-keyword-events-by-pair"));
        KStream<String, OptOutEvent> fromApi = sources.optOutCommands()
                .mapValues(events::fromCommand, Named.as("optout-api-events"))
                .selectKey((key, event) -> event.pairKey(), Named.as("optout-api-events-by-pair"));

        AutoReplyDecision decision = new AutoReplyDecision(replyRules, replySettings);
        fromKeywords.merge(fromApi, Named.as("optout-events-merged"))
                .repartition(Repartitioned.<String, OptOutEvent>as(EVENTS_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(OptOutEvent.class)))
                .process(() -> new OptOutEventProcessor(decision, replySettings, metrics), Named.as("optout-state-machine"),
                        STATE_STORE, ReplyHistory.STORE)
                .split(Named.as("optout-output-"))
                .branch((key, value) -> value instanceof OptOutState, Branched.withConsumer(changes -> changes
                        .mapValues(value -> (OptOutState) value, Named.as("optout-state-changes"))
                        .to(optOuts.name(), Produced.with(optOuts.keySerde(), optOuts.valueSerde()).withName("optouts-sink")),
                        "state"))
                .branch((key, value) -> value instanceof SmsRequest, Branched.withConsumer(replies -> replies
                        .mapValues(value -> (SmsRequest) value, Named.as("optout-auto-replies"))
                        .to(requests.name(), Produced.with(requests.keySerde(), requests.valueSerde()).withName("auto-replies-sink")),
                        "replies"))
                .noDefaultBranch();
    }
}
