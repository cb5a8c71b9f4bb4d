package io.relaysms.optout.usage;

import io.relaysms.optout.streams.JsonSerde;
import io.relaysms.optout.streams.SourceStreams;
import io.relaysms.schemas.UsageAggregate;
import io.relaysms.schemas.UsageWindow;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Usage per sending number, recipient country and window (hour and day, UTC).
 *
 * <p>Consumes {@code sms-requests} (requests, segments), {@code sms-dispatch-events} (submitted, expired,
 * blocked by opt-out), {@code sms-delivery-reports} (delivered, failed by reason, receipt latency),
 * {@code sms-inbound} (inbound) and {@code sms-optouts} (opt-outs, opt-ins), each at the time of its own event
 * ({@link io.relaysms.optout.streams.EventTimeExtractor}). Turns them into {@link UsageEvent}s keyed by
 * {@code <sender>|<country>}, repartitions them by sender ({@code usage-events}, {@link SenderPartitioner}),
 * and aggregates them in tumbling windows with a grace period: an event up to {@code usage.grace.ms} late
 * updates its window, and the updated aggregate is published again.
 *
 * <p>Produces {@code sms-usage-hourly} and {@code sms-usage-daily} (compacted, key
 * {@code <from>|<country>|<windowStart>}, {@code UsageAggregate}). Stores {@value #HOURLY_STORE} and
 * {@value #DAILY_STORE} are queryable.
 */
public final class UsageTopology {

    public static final String HOURLY_STORE = "usage-hourly-store";
    public static final String DAILY_STORE = "usage-daily-store";
    public static final String EVENTS_REPARTITION = "usage-events";

    private final TopicCatalog topics;
    private final UsageSettings settings;
    private final Clock clock;

    public UsageTopology(TopicCatalog topics, UsageSettings settings, Clock clock) {
        this.topics = topics;
        this.settings = settings;
        this.clock = clock;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(new SourceStreams(builder, topics));
        return builder.build();
    }

    public void addTo(SourceStreams sources) {
        JsonSerde<UsageEvent> eventSerde = new JsonSerde<>(UsageEvent.class);
        KStream<String, UsageEvent> events = sources.smsRequests().flatMapValues(UsageEvents::of, Named.as("usage-from-requests"))
                .merge(sources.dispatchEvents().flatMapValues(UsageEvents::of, Named.as("usage-from-dispatch-events")),
                        Named.as("usage-merge-dispatch-events"))
                .merge(sources.deliveryReports().flatMapValues(UsageEvents::of, Named.as("usage-from-delivery-reports")),
                        Named.as("usage-merge-delivery-reports"))
                .merge(sources.inbound().flatMapValues(UsageEvents::of, Named.as("usage-from-inbound")),
                        Named.as("usage-merge-inbound"))
                .merge(sources.optOuts().flatMapValues(UsageEvents::of, Named.as("usage-from-optouts")),
                        Named.as("usage-merge-optouts"));
        KGroupedStream<String, UsageEvent> grouped = events
                .selectKey((key, event) -> event.key(), Named.as("usage-by-sender-country"))
                .repartition(Repartitioned.<String, UsageEvent>as(EVENTS_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(eventSerde)
                        .withStreamPartitioner(new SenderPartitioner<>()))
                .groupByKey(Grouped.with("usage-grouped", Serdes.String(), eventSerde));
        aggregate(grouped, UsageWindow.HOUR, Duration.ofHours(1), settings.hourlyRetention(), HOURLY_STORE, topics.usageHourly());
        aggregate(grouped, UsageWindow.DAY, Duration.ofDays(1), settings.dailyRetention(), DAILY_STORE, topics.usageDaily());
    }

    private void aggregate(KGroupedStream<String, UsageEvent> grouped, UsageWindow size, Duration length, Duration retention,
                           String store, Topic<String, UsageAggregate> output) {
        String name = "usage-" + size.name().toLowerCase(Locale.ROOT);
        grouped.windowedBy(TimeWindows.ofSizeAndGrace(length, settings.grace()))
                .aggregate(UsageTally::empty, (key, event, tally) -> tally.add(event, clock.millis()), Named.as(name + "-aggregate"),
                        Materialized.<String, UsageTally, WindowStore<Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String()).withValueSerde(new UsageTallySerde())
                                .withRetention(retention))
                .toStream(Named.as(name + "-updates"))
                .filter((window, tally) -> tally != null, Named.as(name + "-present"))
                .map((window, tally) -> KeyValue.pair(UsageAggregates.topicKey(window.key(), window.window().start()),
                        UsageAggregates.of(window.key(), window.window().start(), window.window().end(), size, tally)),
                        Named.as(name + "-aggregates"))
                .to(output.name(), Produced.with(output.keySerde(), output.valueSerde()).withName(name + "-sink"));
    }
}
