package io.relaysms.simulator.handset;

import io.relaysms.simulator.behaviour.Behaviour;
import io.relaysms.simulator.behaviour.HandsetReply;
import io.relaysms.simulator.behaviour.RandomSource;
import io.relaysms.simulator.codec.AddressForm;
import io.relaysms.simulator.record.Submission;
import java.util.Optional;

/**
 * Decides whether the recipient of a delivered message answers, and what. A rule's reply applies to all its
 * recipients; otherwise each recipient has a fixed temper chosen from the configured shares by hashing its
 * number with the seed, so the same recipients answer STOP in every run with the same seed, whatever the
 * order of events. A recipient answers once per message, after its last part.
 */
public final class HandsetReplies {

    private final HandsetSettings settings;
    private final RandomSource random;

    public HandsetReplies(HandsetSettings settings, RandomSource random) {
        this.settings = settings;
        this.random = random;
    }

    public Optional<HandsetReply> replyTo(Submission submission, Behaviour behaviour) {
        if (!submission.segment().isLast()) {
            return Optional.empty();
        }
        if (behaviour.reply().isPresent()) {
            return behaviour.reply();
        }
        return temperOf(submission.destAddr()).map(text -> new HandsetReply(text, settings.delay().draw(random)));
    }

    /** What this recipient always answers, if anything. */
    public Optional<String> temperOf(String recipient) {
        double f = random.stableFraction(AddressForm.canonical(recipient));
        double bound = settings.stopShare();
        if (f < bound) {
            return Optional.of("STOP");
        }
        bound += settings.helpShare();
        if (f < bound) {
            return Optional.of("HELP");
        }
        bound += settings.startShare();
        if (f < bound) {
            return Optional.of("START");
        }
        bound += settings.textShare();
        return f < bound && !settings.freeText().isEmpty() ? Optional.of(settings.freeText()) : Optional.empty();
    }
}
