package io.relaysms.optout.autoreply;

import java.util.List;

/**
 * Decides whether an automatic reply may go out, so that Relay never enters a reply loop with another machine.
 *
 * <p>The danger: our reply reaches an automated system (another platform's number, a bot) that answers with
 * something Relay treats as a keyword (a bot that answers "HELP" to anything), which Relay answers, and so on,
 * each turn costing a message on both sides. Two rules break every such loop:
 * <ol>
 *   <li><b>No answer to an answer.</b> An inbound that arrives within {@code loopWindow} of our last
 *       auto-reply to the same recipient is taken for a reply to that auto-reply and is not answered. Machines
 *       answer within seconds; a person reads and types, and loses at most one confirmation by replying that
 *       fast. The keyword itself still applies: a STOP is always honoured, only the confirmation is skipped.</li>
 *   <li><b>A ceiling per pair.</b> At most {@code maxPerPair} auto-replies from one number to one recipient per
 *       {@code period}, whatever the timing, so even a slow loop (one answer a minute) stops.</li>
 * </ol>
 * Times are event times (the inbound's receivedTimestamp), so the verdict is the same when a Streams task is
 * replayed.
 */
public final class LoopGuard {

    /** What the guard decided. */
    public enum Verdict {
        ANSWER,
        /** Within the loop window of our previous reply: probably an answer to it. */
        ANSWER_TO_OUR_REPLY,
        /** The pair had its share of replies in the period. */
        PAIR_LIMIT_REACHED
    }

    private final long loopWindowMillis;
    private final int maxPerPair;
    private final long periodMillis;

    public LoopGuard(AutoReplySettings settings) {
        this.loopWindowMillis = settings.loopWindow().toMillis();
        this.maxPerPair = settings.maxPerPair();
        this.periodMillis = settings.period().toMillis();
    }

    /** How far back {@link #judge} needs to see earlier replies. */
    public long lookbackMillis() {
        return Math.max(loopWindowMillis, periodMillis);
    }

    /**
     * @param inboundTime       when the inbound arrived
     * @param earlierReplyTimes when we auto-replied to the same pair, at least {@link #lookbackMillis()} back
     */
    public Verdict judge(long inboundTime, List<Long> earlierReplyTimes) {
        boolean recent = earlierReplyTimes.stream().anyMatch(t -> t <= inboundTime && inboundTime - t <= loopWindowMillis);
        if (recent) {
            return Verdict.ANSWER_TO_OUR_REPLY;
        }
        long inPeriod = earlierReplyTimes.stream().filter(t -> t <= inboundTime && inboundTime - t < periodMillis).count();
        if (inPeriod >= maxPerPair) {
            return Verdict.PAIR_LIMIT_REACHED;
        }
        return Verdict.ANSWER;
    }
}
