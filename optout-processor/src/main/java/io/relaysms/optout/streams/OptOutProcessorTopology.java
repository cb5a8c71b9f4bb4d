package io.relaysms.optout.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.relaysms.optout.OptOutSettings;
import io.relaysms.optout.state.OptOutTopology;
import io.relaysms.optout.usage.UsageSettings;
import io.relaysms.optout.usage.UsageTopology;
import io.relaysms.topics.TopicCatalog;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The whole opt-out processor as one Streams application: {@link OptOutTopology} (opt-out state and automatic
 * replies) and {@link UsageTopology} (usage aggregates) built on one builder, sharing their sources
 * ({@link SourceStreams}: both read {@code sms-inbound}).
 */
public final class OptOutProcessorTopology {

    private final TopicCatalog topics;
    private final OptOutSettings optOut;
    private final UsageSettings usage;
    private final MeterRegistry metrics;
    private final Clock clock;

    public OptOutProcessorTopology(TopicCatalog topics, OptOutSettings optOut, UsageSettings usage, MeterRegistry metrics, Clock clock) {
        this.topics = topics;
        this.optOut = optOut;
        this.usage = usage;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        SourceStreams sources = new SourceStreams(builder, topics);
        new OptOutTopology(topics, optOut.keywords(), optOut.replies(), optOut.autoReplies(), metrics).addTo(sources);
        new UsageTopology(topics, usage, clock).addTo(sources);
        return builder.build();
    }
}
