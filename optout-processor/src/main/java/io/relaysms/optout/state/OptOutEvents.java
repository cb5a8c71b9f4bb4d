package io.relaysms.optout.state;

import io.relaysms.optout.keywords.KeywordKind;
import io.relaysms.optout.keywords.KeywordRules;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.OptOutAction;
import io.relaysms.schemas.OptOutCommand;
import io.relaysms.schemas.OptOutSource;
import java.util.Optional;

/** Turns inbound messages and API commands into {@link OptOutEvent}s. */
public final class OptOutEvents {

    private final KeywordRules keywords;

    public OptOutEvents(KeywordRules keywords) {
        this.keywords = keywords;
    }

    /** The event an inbound message is, when its whole text is a keyword of the number it was sent to. */
    public Optional<OptOutEvent> fromInbound(InboundMessage inbound) {
        // An inbound goes from the handset (from) to our number (to): the pair is (to, from).
        return keywords.forNumber(inbound.getTo()).match(inbound.getMessage()).map(match -> {
            OptOutPair pair = OptOutPair.of(inbound.getTo(), inbound.getFrom());
            return new OptOutEvent(pair.sender(), pair.recipient(), pair.country(), match.kind(), OptOutSource.KEYWORD,
                    match.keyword(), inbound.getMessageId(), inbound.getReceivedTimestamp().toEpochMilli());
        });
    }

    public OptOutEvent fromCommand(OptOutCommand command) {
        OptOutPair pair = OptOutPair.of(command.getFrom(), command.getTo());
        KeywordKind kind = command.getAction() == OptOutAction.ADD ? KeywordKind.OPT_OUT : KeywordKind.OPT_IN;
        return new OptOutEvent(pair.sender(), pair.recipient(), pair.country(), kind, OptOutSource.API, null,
                command.getCommandId(), command.getRequestedAt().toEpochMilli());
    }
}
