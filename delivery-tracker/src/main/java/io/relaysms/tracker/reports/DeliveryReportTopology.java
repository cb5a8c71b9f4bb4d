package io.relaysms.tracker.reports;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.SegmentSubmission;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.tracker.ids.MatchKeys;
import io.relaysms.tracker.metrics.TrackerMetrics;
import io.relaysms.tracker.streams.StateSerde;
import io.relaysms.tracker.streams.StoreKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds the delivery-report topology (running it is {@code StreamsRunner}'s job).
 *
 * <pre>
 * sms-dispatch-events ─┬─ submitted segments ──┐
 * carrier-receipts ────┼─ receipts ────────────┴─ [match-inputs, by carrier id key] ─ receipt-matcher ─┬─ matched ─┐
 *                      │                                                    unmatched, after retention ┴─ carrier-receipts-dlq
 *                      └─ dispatch events by messageId ─────────────────────────────────────────────────────────────┤
 *                                   [message-inputs, by messageId] ─ message-tracker ─ sms-delivery-reports ◄───────┘
 * </pre>
 *
 * Consumes {@code sms-dispatch-events} and {@code carrier-receipts}; produces one {@link DeliveryReport} per message
 * on {@code sms-delivery-reports}, keyed by messageId. Every processor, store and repartition topic is named here, so
 * changelog and repartition topic names survive refactoring.
 */
public final class DeliveryReportTopology {

    public static final String MATCH_INDEX_STORE = "receipt-match-index";
    public static final String HELD_RECEIPTS_STORE = "receipt-held";
    public static final String MATCH_EXPIRY_STORE = "receipt-match-expiry";
    public static final String MESSAGES_STORE = "messages";
    public static final String REPORT_DEADLINES_STORE = "report-deadlines";

    private final TopicCatalog topics;
    private final MatchKeys keys;
    private final ReportSettings settings;
    private final StoreKind stores;
    private final TrackerMetrics metrics;

    public DeliveryReportTopology(TopicCatalog topics, MatchKeys keys, ReportSettings settings, StoreKind stores,
                                  TrackerMetrics metrics) {
        this.topics = topics;
        this.keys = keys;
        this.settings = settings;
        this.stores = stores;
        this.metrics = metrics;
    }

    /** The input topics, whose unreadable records go to their dead-letter topics. */
    public List<Topic<?, ?>> inputs() {
        return List.of(topics.dispatchEvents(), topics.carrierReceipts());
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> strings = Serdes.String();
        addStores(builder, strings);

        Topic<String, DispatchEvent> dispatchTopic = topics.dispatchEvents();
        Topic<String, CarrierReceipt> receiptTopic = topics.carrierReceipts();
        KStream<String, DispatchEvent> dispatch = builder.stream(dispatchTopic.name(),
                Consumed.with(dispatchTopic.keySerde(), dispatchTopic.valueSerde()).withName("dispatch-events-source"));
        KStream<String, CarrierReceipt> receipts = builder.stream(receiptTopic.name(),
                Consumed.with(receiptTopic.keySerde(), receiptTopic.valueSerde()).withName("carrier-receipts-source"));

        KStream<String, MatchInput> submitted = dispatch.flatMap((key, event) -> submissions(event), Named.as("submitted-segments"));
        KStream<String, MatchInput> received = receipts.map((key, receipt) -> KeyValue.pair(
                keys.partitionKey(receipt.getCarrierId(), receipt.getCarrierMessageId(), true),
                new MatchInput.Receipt(ReceiptView.from(receipt))), Named.as("receipts-by-match-key"));
        Map<String, KStream<String, MatcherOutput>> matched = submitted.merge(received, Named.as("match-inputs-merge"))
                .repartition(Repartitioned.<String, MatchInput>as("match-inputs")
                        .withKeySerde(strings).withValueSerde(StateSerde.of(MatchInput.class)))
                .process(() -> new ReceiptMatcher(keys, settings, receiptTopic.name(), metrics), Named.as("receipt-matcher"),
                        MATCH_INDEX_STORE, HELD_RECEIPTS_STORE, MATCH_EXPIRY_STORE)
                .split(Named.as("receipt-matcher-"))
                .branch((key, out) -> out instanceof MatcherOutput.Matched, Branched.as("matched"))
                .defaultBranch(Branched.as("unmatched"));

        matched.get("receipt-matcher-unmatched")
                .mapValues(out -> ((MatcherOutput.Unmatched) out).receipt().toAvro(), Named.as("unmatched-receipt-as-received"))
                .to(topics.deadLetters(receiptTopic).name(), Produced.with(strings, receiptTopic.valueSerde())
                        .withName("unmatched-receipts-sink"));

        KStream<String, TrackerInput> segmentReceipts = matched.get("receipt-matcher-matched")
                .mapValues(out -> (TrackerInput) ((MatcherOutput.Matched) out).receipt(), Named.as("matched-receipts"));
        KStream<String, TrackerInput> dispatched = dispatch.map((key, event) -> KeyValue.pair(event.getMessageId(),
                (TrackerInput) new TrackerInput.Dispatched(DispatchView.from(event))), Named.as("dispatch-events-by-message"));
        Topic<String, DeliveryReport> reportTopic = topics.deliveryReports();
        dispatched.merge(segmentReceipts, Named.as("message-inputs-merge"))
                .repartition(Repartitioned.<String, TrackerInput>as("message-inputs")
                        .withKeySerde(strings).withValueSerde(StateSerde.of(TrackerInput.class)))
                .process(() -> new MessageTracker(settings, metrics), Named.as("message-tracker"),
                        MESSAGES_STORE, REPORT_DEADLINES_STORE)
                .to(reportTopic.name(), Produced.with(reportTopic.keySerde(), reportTopic.valueSerde()).withName("delivery-reports-sink"));
        return builder.build();
    }

    /** One match input per segment the carrier accepted; nothing for other outcomes or segments without an id. */
    private List<KeyValue<String, MatchInput>> submissions(DispatchEvent e) {
        if (e.getOutcome() != DispatchOutcome.SUBMITTED || e.getCarrierId() == null) {
            return List.of();
        }
        long submittedAt = e.getOccurredAt().toEpochMilli();
        long matchableUntil = submittedAt + settings.reportTimeout(e.getDeliveryReportTimeoutSeconds()).toMillis()
                + settings.historyRetention().toMillis();
        List<KeyValue<String, MatchInput>> out = new ArrayList<>();
        for (SegmentSubmission segment : e.getSegments()) {
            if (segment.getCarrierMessageId() == null || segment.getCarrierMessageId().isBlank()) {
                continue;
            }
            MatchInput.Submission submission = new MatchInput.Submission(e.getCarrierId(), segment.getCarrierMessageId(),
                    e.getMessageId(), segment.getSequence(), e.getSegmentCount(), e.getAttempt(), e.getFrom(), e.getTo(),
                    submittedAt, matchableUntil);
            out.add(KeyValue.pair(keys.partitionKey(e.getCarrierId(), segment.getCarrierMessageId(), false), submission));
        }
        return out;
    }

    private void addStores(StreamsBuilder builder, Serde<String> strings) {
        builder.addStateStore(stores.uncachedStore(MATCH_INDEX_STORE, StateSerde.of(SegmentList.class)));
        builder.addStateStore(stores.uncachedStore(HELD_RECEIPTS_STORE, StateSerde.of(HeldReceipts.class)));
        builder.addStateStore(stores.uncachedStore(MATCH_EXPIRY_STORE, strings));
        builder.addStateStore(stores.store(MESSAGES_STORE, StateSerde.of(MessageTrack.class)));
        builder.addStateStore(stores.store(REPORT_DEADLINES_STORE, strings));
    }
}
