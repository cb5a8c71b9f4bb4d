package io.relaysms.tracker.reports;

import io.relaysms.tracker.config.TrackerSettings;
import java.time.Duration;

/**
 * The timing rules of delivery reports.
 *
 * @param defaultReportTimeout      wait for receipts when the message names no deliveryReportTimeoutSeconds
 * @param unmatchedReceiptRetention how long a receipt without a submission is held
 * @param historyRetention          how long a reported message stays queryable and its ids matchable
 * @param punctuationInterval       how often due deadlines are looked for (wall-clock)
 */
public record ReportSettings(Duration defaultReportTimeout, Duration unmatchedReceiptRetention, Duration historyRetention,
                             Duration punctuationInterval) {

    public static ReportSettings from(TrackerSettings settings) {
        return new ReportSettings(settings.defaultReportTimeout(), settings.unmatchedReceiptRetention(),
                settings.historyRetention(), settings.punctuationInterval());
    }

    /** The message's own timeout when it has one (ACS deliveryReportTimeoutInSeconds), else the default. */
    public Duration reportTimeout(Integer messageTimeoutSeconds) {
        return messageTimeoutSeconds != null && messageTimeoutSeconds > 0
                ? Duration.ofSeconds(messageTimeoutSeconds) : defaultReportTimeout;
    }
}
