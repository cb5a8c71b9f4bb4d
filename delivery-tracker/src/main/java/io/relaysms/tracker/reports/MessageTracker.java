package io.relaysms.tracker.reports;

import io.relaysms.schemas.DeliveryReport;
import io.relaysms.tracker.metrics.TrackerMetrics;
import io.relaysms.tracker.streams.DeadlineIndex;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each message's track and writes its one delivery report, in one partition of messageIds.
 *
 * <p>A report is written when a final dispatch outcome leaves nothing to wait for, when every segment of a
 * submitted message has its final receipt, or, from a wall-clock punctuator, when the message's report deadline
 * passes ({@link MessageTrack#reportDueAt}). Deadlines and purges are scheduled in a changelogged
 * {@link DeadlineIndex}, so a restart loses no pending message; tracks are deleted after the history retention.
 */
final class MessageTracker implements Processor<String, TrackerInput, String, DeliveryReport> {

    private static final int MAX_DUE_PER_PUNCTUATION = 10_000;
    private static final String REPORT_DUE = "R|";
    private static final String PURGE = "P|";

    private final ReportSettings settings;
    private final ReportComposer composer;
    private final TrackerMetrics metrics;
    private ProcessorContext<String, DeliveryReport> context;
    private KeyValueStore<String, MessageTrack> messages;
    private DeadlineIndex deadlines;

    MessageTracker(ReportSettings settings, TrackerMetrics metrics) {
        this.settings = settings;
        this.composer = new ReportComposer(settings);
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, DeliveryReport> context) {
        this.context = context;
        this.messages = context.getStateStore(DeliveryReportTopology.MESSAGES_STORE);
        this.deadlines = new DeadlineIndex(context.getStateStore(DeliveryReportTopology.REPORT_DEADLINES_STORE));
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(Record<String, TrackerInput> record) {
        long now = context.currentSystemTimeMs();
        MessageTrack track = messages.get(record.key());
        if (track == null) {
            track = MessageTrack.start(record.key(), now);
        }
        ReportView verdict = null;
        if (record.value() instanceof TrackerInput.Dispatched dispatched) {
            DispatchView event = dispatched.event();
            if (track.recordDispatch(event) && event.isFinalWithoutReceipt()) {
                verdict = composer.fromDispatch(track, event);
            }
        } else if (record.value() instanceof TrackerInput.SegmentReceipt receipt) {
            track.recordReceipt(receipt);
        }
        if (verdict == null && track.report() == null && track.allSegmentsFinal()) {
            verdict = composer.fromReceipts(track);
            if (record.value() instanceof TrackerInput.SegmentReceipt receipt) {
                metrics.receiptToReport(Duration.ofMillis(now - receipt.receipt().receivedAt()));
            }
        }
        if (verdict != null) {
            report(track, verdict, record.timestamp(), now);
        }
        save(track);
    }

    private void onWallClock(long now) {
        for (DeadlineIndex.Due due : deadlines.takeDue(now, MAX_DUE_PER_PUNCTUATION)) {
            String messageId = due.id().substring(2);
            MessageTrack track = messages.get(messageId);
            if (track == null) {
                continue;
            }
            if (due.id().startsWith(PURGE)) {
                if (Objects.equals(track.scheduledPurge(), due.at())) {
                    messages.delete(messageId);
                }
            } else if (Objects.equals(track.scheduledReportDue(), due.at()) && track.report() == null) {
                track.scheduledReportDue(null);
                report(track, composer.timedOut(track, now), now, now);
                save(track);
            }
        }
    }

    private void report(MessageTrack track, ReportView verdict, long timestamp, long now) {
        track.finish(verdict, now);
        context.forward(new Record<>(track.messageId(), verdict.toAvro(), timestamp));
        metrics.reportWritten(verdict.deliveryStatus(), verdict.reason());
    }

    /** Stores the track and moves its scheduled deadline and purge to where the track now wants them. */
    private void save(MessageTrack track) {
        Long due = track.reportDueAt(settings);
        if (!Objects.equals(due, track.scheduledReportDue())) {
            if (track.scheduledReportDue() != null) {
                deadlines.remove(track.scheduledReportDue(), REPORT_DUE + track.messageId());
            }
            if (due != null) {
                deadlines.add(due, REPORT_DUE + track.messageId());
            }
            track.scheduledReportDue(due);
        }
        Long purge = track.purgeAt(settings.historyRetention());
        if (!Objects.equals(purge, track.scheduledPurge())) {
            if (track.scheduledPurge() != null) {
                deadlines.remove(track.scheduledPurge(), PURGE + track.messageId());
            }
            if (purge != null) {
                deadlines.add(purge, PURGE + track.messageId());
            }
            track.scheduledPurge(purge);
        }
        messages.put(track.messageId(), track);
    }
}
