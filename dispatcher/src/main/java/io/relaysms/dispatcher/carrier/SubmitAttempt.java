package io.relaysms.dispatcher.carrier;

import java.util.List;

/**
 * What one submit attempt of a message achieved: the carrier ids of the parts it got accepted (in order,
 * exactly as the carrier wrote them), and the outcome that ended it. A message of three parts whose second
 * part was throttled answers one id and {@link SubmitOutcome.Throttled}; the retry starts at the second part.
 */
public record SubmitAttempt(String carrierId, List<String> acceptedIds, SubmitOutcome outcome) {

    public SubmitAttempt {
        acceptedIds = List.copyOf(acceptedIds);
    }
}
