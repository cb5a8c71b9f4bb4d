package io.relaysms.api.send;

import java.util.List;
import java.util.Optional;

/**
 * A send request whose shape is valid (types, counts, lengths): what {@link SendSmsRequestParser} hands the
 * handler. Recipients are still as the client spelled them; each is judged on its own later, because an invalid
 * recipient fails alone (contract §1.4).
 *
 * @param from       sender as sent (checked against the owned numbers by the handler)
 * @param recipients 1-100 recipients in request order
 * @param message    1-2,048 characters
 * @param options    smsSendOptions, defaults when absent
 */
public record SendSmsRequest(String from, List<Recipient> recipients, String message, Options options) {

    /** One {@code smsRecipients[]} item as sent. */
    public record Recipient(String to, Optional<String> repeatabilityRequestId, Optional<String> repeatabilityFirstSent) {
        public boolean hasRepeatability() {
            return repeatabilityRequestId.isPresent() || repeatabilityFirstSent.isPresent();
        }
    }

    /** {@code smsSendOptions}. */
    public record Options(boolean enableDeliveryReport, Optional<String> tag,
                          Optional<Integer> deliveryReportTimeoutSeconds, Optional<Integer> validityPeriodSeconds) {
        public static Options defaults() {
            return new Options(false, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
