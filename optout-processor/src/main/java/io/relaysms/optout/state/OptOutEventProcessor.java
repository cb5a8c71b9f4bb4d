package io.relaysms.optout.state;

import io.micrometer.core.instrument.MeterRegistry;
import io.relaysms.optout.autoreply.AutoReplyDecision;
import io.relaysms.optout.autoreply.AutoReplySettings;
import io.relaysms.optout.autoreply.ReplyHistory;
import io.relaysms.optout.keywords.KeywordKind;
import io.relaysms.schemas.OptOutState;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Applies each pair's opt-out events in order of time ({@link OptOutTransition}) to the pair's state in the
 * {@value OptOutTopology#STATE_STORE} store, publishes every change (an {@link OptOutState} keyed by the pair),
 * and answers keywords ({@link AutoReplyDecision}: an {@code SmsRequest} keyed by the sending number). Input
 * is keyed by pair, so one task owns each pair and its reply history.
 */
final class OptOutEventProcessor implements Processor<String, OptOutEvent, String, SpecificRecord> {

    static final Duration HISTORY_SWEEP = Duration.ofHours(1);

    private final AutoReplyDecision replies;
    private final AutoReplySettings replySettings;
    private final MeterRegistry metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private TimestampedKeyValueStore<String, OptOutState> states;
    private ReplyHistory history;

    OptOutEventProcessor(AutoReplyDecision replies, AutoReplySettings replySettings, MeterRegistry metrics) {
        this.replies = replies;
        this.replySettings = replySettings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.states = context.getStateStore(OptOutTopology.STATE_STORE);
        KeyValueStore<String, List<Long>> replyTimes = context.getStateStore(ReplyHistory.STORE);
        this.history = new ReplyHistory(replyTimes, replySettings);
        // Event time, like the guard: a replay of old inbounds sweeps the same pairs at the same points.
        context.schedule(HISTORY_SWEEP, PunctuationType.STREAM_TIME, history::forgetPairsExpiredAt);
    }

    @Override
    public void process(Record<String, OptOutEvent> record) {
        OptOutEvent event = record.value();
        String pair = event.pairKey();
        OptOutTransition transition = null;
        if (event.kind() != KeywordKind.HELP) {
            transition = OptOutTransition.apply(states.get(pair), event);
            if (transition.stale()) {
                metrics.counter("relay.optout.events.stale", "source", event.source().name()).increment();
            } else {
                states.put(pair, ValueAndTimestamp.make(transition.after(), event.occurredAt()));
            }
            if (transition.changed()) {
                metrics.counter("relay.optout.changes", "optedOut", String.valueOf(transition.after().getOptedOut()),
                        "source", event.source().name()).increment();
                context.forward(new Record<>(pair, transition.after(), event.occurredAt()));
            }
        }
        AutoReplyDecision.Outcome outcome = replies.decide(event, transition, history, context.currentSystemTimeMs());
        metrics.counter("relay.optout.auto.replies", "kind", event.kind().configName(), "outcome", outcome.reason()).increment();
        outcome.reply().ifPresent(reply -> context.forward(new Record<>(reply.getFrom(), reply, event.occurredAt())));
    }
}
