package io.relaysms.benchmarks.e2e;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.TopicCatalog;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows every message through the pipeline by consuming the topics, and times each stage from the timestamps the
 * records carry (all taken on this machine, so one clock):
 * <ol>
 *   <li>client send → API accept: the load generator puts its send time in {@code x-ms-client-request-id}, which the
 *       API copies into the sms-requests record next to {@code acceptedAt};</li>
 *   <li>accept → submitted: a SUBMITTED dispatch event's {@code occurredAt} (submit_sm_resp) minus its
 *       {@code requestAcceptedAt};</li>
 *   <li>submitted → carrier receipt: a delivery report's {@code receivedTimestamp} (when Relay received the last
 *       receipt) minus its {@code submittedAt};</li>
 *   <li>receipt → delivery report: the moment this consumer read the report off sms-delivery-reports minus its
 *       {@code receivedTimestamp};</li>
 * </ol>
 * and end to end, accept → report read. Carrier receipts are counted, not timed (the report carries their time).
 */
final class PipelineWatch implements AutoCloseable {

    static final String CLIENT_ID_PREFIX = "e2e-";

    /** Counts and latencies of one phase; a new phase starts once the previous one has fully drained. */
    static final class Phase {
        final MillisRecorder sendToAccept = new MillisRecorder();
        final MillisRecorder acceptToSubmitted = new MillisRecorder();
        final MillisRecorder submittedToReceipt = new MillisRecorder();
        final MillisRecorder receiptToReport = new MillisRecorder();
        final MillisRecorder acceptToReport = new MillisRecorder();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong submitted = new AtomicLong();
        final AtomicLong otherEvents = new AtomicLong();
        final AtomicLong receipts = new AtomicLong();
        final AtomicLong reports = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong lastRequestAt = new AtomicLong();
        final AtomicLong lastSubmittedAt = new AtomicLong();
        final AtomicLong lastReceiptAt = new AtomicLong();
        final AtomicLong lastReportAt = new AtomicLong();
    }

    private volatile Phase phase = new Phase();
    private final List<TopicWatcher<?>> watchers;

    PipelineWatch(String bootstrapServers, TopicCatalog topics) {
        this.watchers = List.of(
                new TopicWatcher<>(bootstrapServers, topics.smsRequests(), this::onRequest),
                new TopicWatcher<>(bootstrapServers, topics.dispatchEvents(), this::onEvent),
                new TopicWatcher<>(bootstrapServers, topics.carrierReceipts(), this::onReceipt),
                new TopicWatcher<>(bootstrapServers, topics.deliveryReports(), this::onReport));
    }

    Phase startPhase() {
        phase = new Phase();
        return phase;
    }

    private void onRequest(SmsRequest request, long readAt) {
        Phase p = phase;
        p.requests.incrementAndGet();
        p.lastRequestAt.set(readAt);
        String clientId = request.getClientRequestId();
        if (clientId != null && clientId.startsWith(CLIENT_ID_PREFIX)) {
            long sentAt = Long.parseLong(clientId.substring(CLIENT_ID_PREFIX.length()));
            p.sendToAccept.add(request.getAcceptedAt().toEpochMilli() - sentAt);
        }
    }

    private void onEvent(DispatchEvent event, long readAt) {
        Phase p = phase;
        if (event.getOutcome() == DispatchOutcome.SUBMITTED) {
            p.submitted.incrementAndGet();
            p.lastSubmittedAt.set(readAt);
            p.acceptToSubmitted.add(event.getOccurredAt().toEpochMilli() - event.getRequestAcceptedAt().toEpochMilli());
        } else {
            p.otherEvents.incrementAndGet();
        }
    }

    private void onReceipt(CarrierReceipt receipt, long readAt) {
        Phase p = phase;
        p.receipts.incrementAndGet();
        p.lastReceiptAt.set(readAt);
    }

    private void onReport(DeliveryReport report, long readAt) {
        Phase p = phase;
        p.reports.incrementAndGet();
        p.lastReportAt.set(readAt);
        if ("DELIVERED".equals(report.getReason().name())) {
            p.delivered.incrementAndGet();
        }
        long received = report.getReceivedTimestamp().toEpochMilli();
        if (report.getSubmittedAt() != null) {
            p.submittedToReceipt.add(received - report.getSubmittedAt().toEpochMilli());
        }
        p.receiptToReport.add(readAt - received);
        if (report.getRequestAcceptedAt() != null) {
            p.acceptToReport.add(readAt - report.getRequestAcceptedAt().toEpochMilli());
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (TopicWatcher<?> watcher : watchers) {
            watcher.close();
        }
    }
}
