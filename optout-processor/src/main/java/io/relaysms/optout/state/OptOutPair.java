package io.relaysms.optout.state;

import io.relaysms.config.numbers.RememberedParses;
import io.relaysms.config.numbers.SenderAddress;
import io.relaysms.topics.TopicKeys;

/**
 * A sending number and a recipient, spelled as the dispatcher looks them up: the sender canonical (E.164,
 * short code or alphanumeric id) and the recipient in E.164. Carriers sometimes hand a handset's number without
 * its '+' (SMPP source_addr with an international TON); such a number is read as E.164 when that makes a
 * valid number. Anything else is kept as received, so nothing is lost, and simply matches nothing.
 */
public record OptOutPair(String sender, String recipient) {

    /**
     * Three usage events per message each parse their pair, and the dispatcher's events and reports repeat the
     * numbers of their requests: spellings seen are remembered ({@link RememberedParses}), at most this many per table.
     */
    private static final int REMEMBERED = 100_000;
    private static final RememberedParses<String> SENDERS = new RememberedParses<>(REMEMBERED, OptOutPair::canonicalSender);
    private static final RememberedParses<String> RECIPIENTS = new RememberedParses<>(REMEMBERED, OptOutPair::canonicalRecipient);
    private static final RememberedParses<String> COUNTRIES = new RememberedParses<>(REMEMBERED, SenderAddress::regionOf);

    public static OptOutPair of(String rawSender, String rawRecipient) {
        return new OptOutPair(SENDERS.get(rawSender), RECIPIENTS.get(rawRecipient));
    }

    /** The key of sms-optouts and sms-optout-commands: {@code <from>|<to>}. */
    public String key() {
        return TopicKeys.optOut(sender, recipient);
    }

    /** The recipient's country, ISO 3166 ("ZZ" when libphonenumber cannot tell). */
    public String country() {
        return COUNTRIES.get(recipient);
    }

    static String canonicalSender(String raw) {
        return SenderAddress.sender(raw).canonical().orElse(raw == null ? "" : raw.trim());
    }

    static String canonicalRecipient(String raw) {
        if (raw == null) {
            return "";
        }
        String trimmed = raw.trim();
        SenderAddress.Parsed parsed = SenderAddress.e164(trimmed);
        if (!parsed.isValid() && trimmed.matches("\\d{8,15}")) {
            parsed = SenderAddress.e164("+" + trimmed);
        }
        return parsed.canonical().orElse(trimmed);
    }
}
