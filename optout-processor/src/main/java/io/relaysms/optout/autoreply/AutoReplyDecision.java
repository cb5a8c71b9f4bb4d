package io.relaysms.optout.autoreply;

import io.relaysms.optout.keywords.KeywordKind;
import io.relaysms.optout.state.OptOutEvent;
import io.relaysms.optout.state.OptOutTransition;
import io.relaysms.schemas.OptOutSource;
import io.relaysms.schemas.SmsRequest;
import java.util.Optional;

/**
 * Whether a keyword event gets an automatic reply, and which. In order:
 * <ol>
 *   <li>only keywords are answered (an API command was made by the customer, who needs no SMS about it);</li>
 *   <li>a stale event (older than the pair's newest change) is not answered: confirming what did not take
 *       effect would be false;</li>
 *   <li>an opt-out is confirmed whenever it holds, also when the recipient was already opted out (they asked
 *       again, so they did not see the first confirmation); an opt-in is confirmed only when it re-subscribed
 *       someone, because YES is also an everyday answer ("Reply YES to confirm your appointment") that must
 *       not draw a "you are resubscribed" text; HELP is always answered;</li>
 *   <li>the number must answer that keyword ({@link ReplyRules}: enabled, not answered by the carrier);</li>
 *   <li>the {@link LoopGuard} must allow it.</li>
 * </ol>
 */
public final class AutoReplyDecision {

    private final ReplyRules rules;
    private final LoopGuard guard;
    private final AutoReplyRequests requests;

    /** What was decided: the reply, or why none. */
    public record Outcome(Optional<SmsRequest> reply, String reason) {
        static Outcome none(String reason) {
            return new Outcome(Optional.empty(), reason);
        }
    }

    public AutoReplyDecision(ReplyRules rules, AutoReplySettings settings) {
        this.rules = rules;
        this.guard = new LoopGuard(settings);
        this.requests = new AutoReplyRequests(settings.validity());
    }

    /**
     * @param transition the event's effect on the state; null for HELP
     * @param history    the pair's earlier replies, which a reply is recorded in
     * @param now        wall-clock time, for the request's acceptedAt
     */
    public Outcome decide(OptOutEvent event, OptOutTransition transition, ReplyHistory history, long now) {
        if (event.source() != OptOutSource.KEYWORD) {
            return Outcome.none("api-command");
        }
        if (transition != null && transition.stale()) {
            return Outcome.none("stale");
        }
        if (event.kind() == KeywordKind.OPT_IN && !transition.changed()) {
            return Outcome.none("not-opted-out");
        }
        Optional<String> text = rules.replyFor(event.sender(), event.keywordMatch());
        if (text.isEmpty()) {
            return Outcome.none("not-configured");
        }
        LoopGuard.Verdict verdict = guard.judge(event.occurredAt(),
                history.repliesBefore(event.pairKey(), event.occurredAt(), guard.lookbackMillis()));
        if (verdict != LoopGuard.Verdict.ANSWER) {
            return Outcome.none(verdict == LoopGuard.Verdict.ANSWER_TO_OUR_REPLY ? "answer-to-our-reply" : "pair-limit");
        }
        SmsRequest reply = requests.reply(event, text.get(), now);
        history.record(event.pairKey(), event.occurredAt());
        return new Outcome(Optional.of(reply), "sent");
    }
}
