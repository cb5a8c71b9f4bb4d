package io.relaysms.tracker.reports;

import io.relaysms.deadletter.DeadLetterPublisher;
import io.relaysms.tracker.ids.MatchKey;
import io.relaysms.tracker.ids.MatchKeys;
import io.relaysms.tracker.metrics.TrackerMetrics;
import io.relaysms.tracker.reports.MatchChoice.Candidate;
import io.relaysms.tracker.streams.DeadlineIndex;
import io.relaysms.topics.TopicKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Matches carrier receipts to submitted segments, in one partition of carrier ids.
 *
 * <p>A submission is indexed under each of its match keys ({@link MatchKeys}) until it stops being matchable. A
 * receipt is looked up under each of its keys and matched to the best candidate ({@link MatchChoice}); the match goes
 * on keyed by messageId. A receipt that finds nothing is held under its keys: a later submission releases it, and
 * one still held after the retention goes to the dead-letter topic with the reason, never silently away. Index,
 * held receipts and their expiry times live in changelogged stores, so a restart loses none of them.
 */
final class ReceiptMatcher implements Processor<String, MatchInput, String, MatcherOutput> {

    private static final int MAX_DUE_PER_PUNCTUATION = 10_000;
    private static final String INDEX_ENTRY = "I|";
    private static final String HELD_ENTRY = "H|";

    private final MatchKeys keys;
    private final ReportSettings settings;
    private final String receiptsTopic;
    private final TrackerMetrics metrics;
    private ProcessorContext<String, MatcherOutput> context;
    private KeyValueStore<String, SegmentList> index;
    private KeyValueStore<String, HeldReceipts> held;
    private DeadlineIndex expiry;

    ReceiptMatcher(MatchKeys keys, ReportSettings settings, String receiptsTopic, TrackerMetrics metrics) {
        this.keys = keys;
        this.settings = settings;
        this.receiptsTopic = receiptsTopic;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, MatcherOutput> context) {
        this.context = context;
        this.index = context.getStateStore(DeliveryReportTopology.MATCH_INDEX_STORE);
        this.held = context.getStateStore(DeliveryReportTopology.HELD_RECEIPTS_STORE);
        this.expiry = new DeadlineIndex(context.getStateStore(DeliveryReportTopology.MATCH_EXPIRY_STORE));
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    @Override
    public void process(Record<String, MatchInput> record) {
        if (record.value() instanceof MatchInput.Submission submission) {
            index(submission);
            metrics.segmentIndexed();
            releaseHeld(submission, record.timestamp());
        } else if (record.value() instanceof MatchInput.Receipt receipt && !match(receipt.receipt(), record.timestamp())) {
            hold(receipt.receipt());
        }
    }

    private void index(MatchInput.Submission s) {
        for (MatchKey key : keys.forSubmitted(s.carrierId(), s.carrierMessageId())) {
            String storeKey = MatchKeys.storeKey(s.carrierId(), key);
            SegmentList list = Optional.ofNullable(index.get(storeKey)).orElse(SegmentList.empty());
            index.put(storeKey, list.with(IndexedSegment.of(s, key.guess())));
            expiry.add(s.matchableUntil(), INDEX_ENTRY + storeKey);
        }
    }

    private void releaseHeld(MatchInput.Submission s, long timestamp) {
        Set<ReceiptView> waiting = new LinkedHashSet<>();
        for (MatchKey key : keys.forSubmitted(s.carrierId(), s.carrierMessageId())) {
            HeldReceipts h = held.get(MatchKeys.storeKey(s.carrierId(), key));
            if (h != null) {
                h.receipts().forEach(r -> waiting.add(r.receipt()));
            }
        }
        waiting.stream().sorted(Comparator.comparingLong(ReceiptView::receivedAt)).forEach(receipt -> {
            if (match(receipt, timestamp)) {
                unhold(receipt);
                metrics.heldReceiptMatched();
            }
        });
    }

    private boolean match(ReceiptView receipt, long timestamp) {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, SegmentList> read = new HashMap<>();
        for (MatchKey key : keys.forReceipt(receipt.carrierId(), receipt.carrierMessageId())) {
            String storeKey = MatchKeys.storeKey(receipt.carrierId(), key);
            SegmentList list = index.get(storeKey);
            read.put(storeKey, list);
            if (list != null) {
                list.segments().forEach(segment -> candidates.add(new Candidate(segment, key)));
            }
        }
        Optional<Candidate> best = MatchChoice.best(receipt, candidates);
        if (best.isEmpty()) {
            return false;
        }
        IndexedSegment segment = best.get().segment();
        if (receipt.isFinal() && !segment.finalReceived()) {
            markFinalReceived(segment, read);
        }
        TrackerInput.SegmentReceipt matched = new TrackerInput.SegmentReceipt(segment.messageId(), segment.sequence(),
                segment.segmentCount(), segment.attempt(), receipt, best.get().matchedBy());
        context.forward(new Record<>(segment.messageId(), new MatcherOutput.Matched(matched), timestamp));
        metrics.receiptMatched(best.get().guess());
        return true;
    }

    /** {@code read}: the index entries the receipt was matched with, most often the ones to update, not read twice. */
    private void markFinalReceived(IndexedSegment segment, Map<String, SegmentList> read) {
        for (MatchKey key : keys.forSubmitted(segment.carrierId(), segment.carrierMessageId())) {
            String storeKey = MatchKeys.storeKey(segment.carrierId(), key);
            SegmentList list = read.containsKey(storeKey) ? read.get(storeKey) : index.get(storeKey);
            if (list != null) {
                index.put(storeKey, list.map(s -> s.sameSegment(segment) ? s.withFinalReceived() : s));
            }
        }
    }

    private void hold(ReceiptView receipt) {
        long heldUntil = context.currentSystemTimeMs() + settings.unmatchedReceiptRetention().toMillis();
        for (MatchKey key : keys.forReceipt(receipt.carrierId(), receipt.carrierMessageId())) {
            String storeKey = MatchKeys.storeKey(receipt.carrierId(), key);
            HeldReceipts h = Optional.ofNullable(held.get(storeKey)).orElse(HeldReceipts.empty());
            held.put(storeKey, h.with(new HeldReceipts.Held(receipt, heldUntil)));
            expiry.add(heldUntil, HELD_ENTRY + storeKey);
        }
        metrics.receiptHeld();
    }

    private void unhold(ReceiptView receipt) {
        for (MatchKey key : keys.forReceipt(receipt.carrierId(), receipt.carrierMessageId())) {
            String storeKey = MatchKeys.storeKey(receipt.carrierId(), key);
            HeldReceipts h = held.get(storeKey);
            if (h != null) {
                HeldReceipts rest = h.without(x -> x.receipt().equals(receipt));
                if (rest.isEmpty()) {
                    held.delete(storeKey);
                } else {
                    held.put(storeKey, rest);
                }
            }
        }
    }

    private void expire(long now) {
        for (DeadlineIndex.Due due : expiry.takeDue(now, MAX_DUE_PER_PUNCTUATION)) {
            String storeKey = due.id().substring(2);
            if (due.id().startsWith(INDEX_ENTRY)) {
                SegmentList list = index.get(storeKey);
                if (list != null) {
                    SegmentList rest = list.without(s -> s.matchableUntil() <= now);
                    if (rest.isEmpty()) {
                        index.delete(storeKey);
                    } else {
                        index.put(storeKey, rest);
                    }
                }
            } else {
                HeldReceipts h = held.get(storeKey);
                if (h != null) {
                    h.receipts().stream().filter(r -> r.heldUntil() <= now).forEach(r -> giveUp(r.receipt(), now));
                }
            }
        }
    }

    private void giveUp(ReceiptView receipt, long now) {
        unhold(receipt);
        String reason = "no submission of carrier '" + receipt.carrierId() + "' matched carrier message id '"
                + receipt.carrierMessageId() + "' within " + settings.unmatchedReceiptRetention();
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterPublisher.TOPIC_HEADER, utf8(receiptsTopic));
        headers.add(DeadLetterPublisher.TIMESTAMP_HEADER, utf8(String.valueOf(receipt.receivedAt())));
        headers.add(DeadLetterPublisher.ERROR_CLASS_HEADER, utf8("UnmatchedReceipt"));
        headers.add(DeadLetterPublisher.ERROR_MESSAGE_HEADER, utf8(reason));
        context.forward(new Record<>(TopicKeys.receipt(receipt.carrierId(), receipt.carrierMessageId()),
                (MatcherOutput) new MatcherOutput.Unmatched(receipt, reason), now, headers));
        metrics.receiptUnmatched();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
