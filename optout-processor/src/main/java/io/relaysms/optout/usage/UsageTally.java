package io.relaysms.optout.usage;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running totals of one sender, country and window, as the window stores hold them ({@link UsageTallySerde}). Immutable:
 * {@link #add} returns the next tally. {@code updatedAt} is the wall-clock time of the last update.
 */
public record UsageTally(
        long requests,
        long segments,
        long submitted,
        long delivered,
        long failed,
        Map<String, Long> failedByReason,
        long expired,
        long blockedByOptOut,
        long inbound,
        long optOuts,
        long optIns,
        LatencySketch latency,
        long updatedAt) {

    public UsageTally {
        // Most windows never see a failure: no map is copied for them on every event.
        failedByReason = failedByReason == null || failedByReason.isEmpty() ? Map.of()
                : Collections.unmodifiableSortedMap(new TreeMap<>(failedByReason));
        latency = latency == null ? LatencySketch.empty() : latency;
    }

    public static UsageTally empty() {
        return new UsageTally(0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, LatencySketch.empty(), 0);
    }

    public UsageTally add(UsageEvent event, long now) {
        long req = requests;
        long seg = segments;
        long sub = submitted;
        long del = delivered;
        long fail = failed;
        Map<String, Long> reasons = failedByReason;
        long exp = expired;
        long blocked = blockedByOptOut;
        long in = inbound;
        long outs = optOuts;
        long ins = optIns;
        LatencySketch lat = latency;
        switch (event.kind()) {
            case REQUEST -> {
                req++;
                seg += event.segments();
            }
            case SUBMITTED -> sub++;
            case DELIVERED -> {
                del++;
                if (event.latencyMillis() != null) {
                    lat = lat.add(event.latencyMillis());
                }
            }
            case FAILED -> {
                fail++;
                reasons = new TreeMap<>(failedByReason);
                reasons.merge(event.reason() == null ? "OTHER" : event.reason(), 1L, Long::sum);
            }
            case EXPIRED -> exp++;
            case BLOCKED_BY_OPT_OUT -> blocked++;
            case INBOUND -> in++;
            case OPT_OUT -> outs++;
            case OPT_IN -> ins++;
        }
        return new UsageTally(req, seg, sub, del, fail, reasons, exp, blocked, in, outs, ins, lat, now);
    }

    /** delivered / (delivered + failed), or null before any report. */
    public Double deliveryRate() {
        long reports = delivered + failed;
        return reports == 0 ? null : (double) delivered / reports;
    }
}
