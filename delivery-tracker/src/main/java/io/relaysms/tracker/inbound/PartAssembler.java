package io.relaysms.tracker.inbound;

import io.relaysms.deadletter.DeadLetterPublisher;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.tracker.metrics.TrackerMetrics;
import io.relaysms.tracker.streams.DeadlineIndex;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reassembles concatenated inbound messages, in one partition of our numbers (sms-inbound-raw is keyed by our
 * number, so every part of a message is here). A single part is published at once; the parts of a concatenated one
 * wait in a changelogged store until all have arrived, or, from a wall-clock punctuator, until the reassembly timeout
 * passes, when what arrived is published alone with {@code complete=false}. A repeated part is ignored. A part whose
 * data coding carries no decodable text or whose header is malformed goes to the dead-letter topic, with the reason.
 * Published messages carry the handset's number in E.164 ({@link HandsetNumbers}); parts are grouped and dead-lettered
 * with the source address exactly as received.
 */
final class PartAssembler implements Processor<String, InboundMessagePart, String, AssemblerOutput> {

    private static final Logger log = LoggerFactory.getLogger(PartAssembler.class);
    private static final int MAX_DUE_PER_PUNCTUATION = 10_000;

    private final Duration reassemblyTimeout;
    private final Duration punctuationInterval;
    private final Map<String, Gsm7Packing> packing;
    private final String inputTopic;
    private final TrackerMetrics metrics;
    private ProcessorContext<String, AssemblerOutput> context;
    private KeyValueStore<String, PendingMessage> pending;
    private DeadlineIndex deadlines;

    PartAssembler(Duration reassemblyTimeout, Duration punctuationInterval, Map<String, Gsm7Packing> packing, String inputTopic,
                  TrackerMetrics metrics) {
        this.reassemblyTimeout = reassemblyTimeout;
        this.punctuationInterval = punctuationInterval;
        this.packing = packing;
        this.inputTopic = inputTopic;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, AssemblerOutput> context) {
        this.context = context;
        this.pending = context.getStateStore(InboundReassemblyTopology.PENDING_PARTS_STORE);
        this.deadlines = new DeadlineIndex(context.getStateStore(InboundReassemblyTopology.REASSEMBLY_DEADLINES_STORE));
        context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(Record<String, InboundMessagePart> record) {
        PartView part = PartView.from(record.value());
        if (TextDecoder.alphabet(part.dataCoding()).isEmpty()) {
            reject(record, part, "data_coding " + part.dataCoding() + " carries no text Relay can decode");
            return;
        }
        PartLayout layout;
        try {
            layout = PartLayout.of(part);
        } catch (PartLayout.MalformedPartException e) {
            reject(record, part, e.getMessage());
            return;
        }
        if (!layout.concatenated()) {
            publish(List.of(part), true, null, record.timestamp());
            return;
        }
        String key = PendingMessage.key(part, layout);
        PendingMessage waiting = pending.get(key);
        if (waiting == null) {
            waiting = new PendingMessage(part.to(), part.from(), part.carrierId(), layout.total(),
                    context.currentSystemTimeMs() + reassemblyTimeout.toMillis(), List.of());
            deadlines.add(waiting.deadline(), key);
        } else if (waiting.has(layout.sequence())) {
            log.info("part {} of {} repeats position {} of {}; ignored", part.partId(), key, layout.sequence(), layout.total());
            return;
        }
        waiting = waiting.with(layout.sequence(), part);
        if (waiting.complete()) {
            pending.delete(key);
            deadlines.remove(waiting.deadline(), key);
            publish(waiting.ordered(), true, waiting.total(), record.timestamp());
        } else {
            pending.put(key, waiting);
        }
    }

    private void onWallClock(long now) {
        for (DeadlineIndex.Due due : deadlines.takeDue(now, MAX_DUE_PER_PUNCTUATION)) {
            PendingMessage waiting = pending.get(due.id());
            if (waiting != null && waiting.deadline() == due.at()) {
                pending.delete(due.id());
                publish(waiting.ordered(), false, waiting.total(), now);
            }
        }
    }

    private void publish(List<PartView> parts, boolean complete, Integer expected, long timestamp) {
        PartView first = parts.get(0);
        TextDecoder.Decoded decoded = TextDecoder.decode(parts, packing.getOrDefault(first.carrierId(), Gsm7Packing.UNPACKED));
        Instant receivedAt = Instant.ofEpochMilli(parts.stream().mapToLong(PartView::receivedAt).max().orElseThrow());
        InboundMessage message = InboundMessage.newBuilder()
                .setMessageId(InboundMessageIds.of(receivedAt, parts))
                .setFrom(HandsetNumbers.e164(first.from(), first.to())).setTo(first.to()).setMessage(decoded.text())
                .setReceivedTimestamp(receivedAt).setSegmentCount(parts.size())
                .setComplete(complete).setExpectedSegmentCount(expected)
                .setCarrierId(first.carrierId()).setEncoding(decoded.encoding())
                .build();
        context.forward(new Record<>(first.to(), new AssemblerOutput.Published(message), timestamp));
        metrics.inboundPublished(complete);
    }

    private void reject(Record<String, InboundMessagePart> record, PartView part, String reason) {
        log.warn("inbound part {} from {} to {} sent to the dead-letter topic: {}", part.partId(), part.from(), part.to(), reason);
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add(DeadLetterPublisher.TOPIC_HEADER, utf8(inputTopic));
        context.recordMetadata().ifPresent(meta -> {
            headers.add(DeadLetterPublisher.PARTITION_HEADER, utf8(String.valueOf(meta.partition())));
            headers.add(DeadLetterPublisher.OFFSET_HEADER, utf8(String.valueOf(meta.offset())));
        });
        headers.add(DeadLetterPublisher.TIMESTAMP_HEADER, utf8(String.valueOf(record.timestamp())));
        headers.add(DeadLetterPublisher.ERROR_CLASS_HEADER, utf8("UndecodableInboundPart"));
        headers.add(DeadLetterPublisher.ERROR_MESSAGE_HEADER, utf8(reason));
        context.forward(new Record<>(record.key(), (AssemblerOutput) new AssemblerOutput.Rejected(part.toAvro()),
                record.timestamp(), headers));
        metrics.inboundDeadLettered();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
