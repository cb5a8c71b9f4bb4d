package io.relaysms.tracker.reports;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the tracker knows about one message: who sent it to whom with which options, every dispatch event and
 * receipt (the timeline support people query), each segment's final receipt, and the report once there is one.
 * Stored in the {@code messages} store (as Smile, {@link io.relaysms.tracker.streams.StateSerde}), keyed by messageId.
 *
 * <p>The latest dispatch attempt decides: an event of an older attempt only joins the timeline. After the report,
 * events and receipts are still recorded (late, duplicate) but never change it: one report per message.
 * Timelines keep the first {@value #KEEP_FIRST} and the latest entries up to {@value #MAX_TIMELINE}, counting what
 * they leave out, so a message throttled a thousand times does not grow without bound.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class MessageTrack {

    static final int MAX_TIMELINE = 50;
    static final int KEEP_FIRST = 10;
    private static final Set<String> WAITING_TO_BE_SENT = Set.of("THROTTLED", "RETRYING", "UNKNOWN");

    /** A receipt in the timeline, with how it was matched and whether it changed anything. */
    public record ReceiptStep(int sequence, ReceiptView receipt, String matchedBy, boolean duplicate, boolean afterReport) {
    }

    private String messageId;
    private long firstSeenAt;
    private String from;
    private String to;
    private String tag;
    private boolean enableDeliveryReport;
    private Integer reportTimeoutSeconds;
    private Long requestAcceptedAt;
    private Long validUntil;
    private String carrierId;
    private int segmentCount;
    private int latestAttempt;
    private String latestOutcome;
    private Long latestRetryAt;
    private Long submittedAt;
    private List<DispatchView> dispatchEvents = new ArrayList<>();
    private int dispatchEventsOmitted;
    private List<ReceiptStep> receipts = new ArrayList<>();
    private int receiptsOmitted;
    private Map<Integer, ReceiptView> finalReceipts = new TreeMap<>();
    private ReportView report;
    private Long reportedAt;
    private Long scheduledReportDue;
    private Long scheduledPurge;

    private MessageTrack() {
    }

    public static MessageTrack start(String messageId, long now) {
        MessageTrack track = new MessageTrack();
        track.messageId = messageId;
        track.firstSeenAt = now;
        return track;
    }

    /** Records a dispatch event; true when it is the message's current state (not stale, not after the report). */
    boolean recordDispatch(DispatchView e) {
        dispatchEventsOmitted += append(dispatchEvents, e);
        boolean current = from == null || e.attempt() >= latestAttempt;
        if (current) {
            from = e.from();
            to = e.to();
            tag = e.tag();
            enableDeliveryReport = e.enableDeliveryReport();
            reportTimeoutSeconds = e.deliveryReportTimeoutSeconds();
            requestAcceptedAt = e.requestAcceptedAt();
            validUntil = e.validUntil();
        }
        if (report != null || !current) {
            return false;
        }
        latestAttempt = e.attempt();
        latestOutcome = e.outcome();
        latestRetryAt = e.retryAt();
        if (e.carrierId() != null) {
            carrierId = e.carrierId();
        }
        segmentCount = e.segmentCount();
        if (e.isSubmitted()) {
            submittedAt = e.occurredAt();
        }
        return true;
    }

    /** Records a matched receipt; the first final receipt of a segment is its fate. */
    void recordReceipt(TrackerInput.SegmentReceipt r) {
        boolean duplicate = r.receipt().isFinal() && finalReceipts.containsKey(r.sequence());
        receiptsOmitted += append(receipts, new ReceiptStep(r.sequence(), r.receipt(), r.matchedBy(), duplicate, report != null));
        if (r.receipt().isFinal() && !duplicate) {
            finalReceipts.put(r.sequence(), r.receipt());
        }
        if (segmentCount == 0) {
            segmentCount = r.segmentCount();
        }
    }

    /** Whether every segment of a submitted message has its final receipt. */
    boolean allSegmentsFinal() {
        if (submittedAt == null || segmentCount == 0) {
            return false;
        }
        for (int sequence = 1; sequence <= segmentCount; sequence++) {
            if (!finalReceipts.containsKey(sequence)) {
                return false;
            }
        }
        return true;
    }

    /**
     * When the message is reported failed for want of an outcome: a submitted message {@code timeout} after the
     * carrier accepted it; one still waiting to be sent (throttled, retrying) {@code timeout} after its validity
     * ends, by when the dispatcher should have given up on it. Null when nothing is pending.
     */
    Long reportDueAt(ReportSettings settings) {
        long timeout = settings.reportTimeout(reportTimeoutSeconds).toMillis();
        if (report != null || from == null) {
            return null;
        }
        if (submittedAt != null) {
            return submittedAt + timeout;
        }
        if (WAITING_TO_BE_SENT.contains(latestOutcome)) {
            long waitUntil = Math.max(validUntil == null ? 0 : validUntil, latestRetryAt == null ? 0 : latestRetryAt);
            return waitUntil + timeout;
        }
        return null;
    }

    /** When the track is deleted: history retention after the report, or after it was first seen if no dispatch event ever came. */
    Long purgeAt(Duration historyRetention) {
        if (report != null) {
            return reportedAt + historyRetention.toMillis();
        }
        return from == null ? firstSeenAt + historyRetention.toMillis() : null;
    }

    void finish(ReportView report, long now) {
        this.report = report;
        this.reportedAt = now;
    }

    Long scheduledReportDue() {
        return scheduledReportDue;
    }

    void scheduledReportDue(Long at) {
        scheduledReportDue = at;
    }

    Long scheduledPurge() {
        return scheduledPurge;
    }

    void scheduledPurge(Long at) {
        scheduledPurge = at;
    }

    /** Appends, dropping the oldest entry after the first {@link #KEEP_FIRST} when full; returns how many were dropped. */
    private static <T> int append(List<T> list, T item) {
        list.add(item);
        if (list.size() > MAX_TIMELINE) {
            list.remove(KEEP_FIRST);
            return 1;
        }
        return 0;
    }

    public String messageId() { return messageId; }
    public String from() { return from; }
    public String to() { return to; }
    public String tag() { return tag; }
    public boolean enableDeliveryReport() { return enableDeliveryReport; }
    public Integer reportTimeoutSeconds() { return reportTimeoutSeconds; }
    public Long requestAcceptedAt() { return requestAcceptedAt; }
    public String carrierId() { return carrierId; }
    public int segmentCount() { return segmentCount; }
    public int latestAttempt() { return latestAttempt; }
    public String latestOutcome() { return latestOutcome; }
    public Long submittedAt() { return submittedAt; }
    public List<DispatchView> dispatchEvents() { return Collections.unmodifiableList(dispatchEvents); }
    public int dispatchEventsOmitted() { return dispatchEventsOmitted; }
    public List<ReceiptStep> receipts() { return Collections.unmodifiableList(receipts); }
    public int receiptsOmitted() { return receiptsOmitted; }
    public Map<Integer, ReceiptView> finalReceipts() { return Collections.unmodifiableMap(finalReceipts); }
    public ReportView report() { return report; }
    public Long reportDeadline() { return scheduledReportDue; }
}
