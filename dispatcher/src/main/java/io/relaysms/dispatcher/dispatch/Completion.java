package io.relaysms.dispatcher.dispatch;

import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.carrier.SubmitAttempt;

/** A submit attempt that came back, handed from a submit thread to the dispatch loop. */
record Completion(PendingMessage message, CarrierConnection connection, SubmitAttempt attempt, long startedNanos) {
}
