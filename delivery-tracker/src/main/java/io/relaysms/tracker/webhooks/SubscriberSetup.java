package io.relaysms.tracker.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * What one subscriber's pump is built from.
 *
 * @param subscription who gets what, where, signed with which secret
 * @param sender       the subscriber's own HTTP client
 * @param backoff      when failed deliveries are retried, and when they are given up
 * @param deadLetters  where given-up events go
 * @param clock        the time retries are scheduled by
 * @param registry     where the subscriber's meters go
 * @param maxInFlight  unfinished events above which the subscriber's consumer pauses
 */
record SubscriberSetup(WebhookSubscription subscription, WebhookSender sender, BackoffSchedule backoff,
                       WebhookDeadLetters deadLetters, Clock clock, MeterRegistry registry, int maxInFlight) {
}
