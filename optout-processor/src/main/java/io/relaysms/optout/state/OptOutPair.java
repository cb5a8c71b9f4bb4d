package io.relaysms.optout.state;

import io.relaysms.config.numbers.SenderAddress;
import io.relaysms.topics.TopicKeys;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A sending number and a recipient, spelled as the dispatcher looks them up: the sender canonical (E.164,
 * short code or alphanumeric id) and the recipient in E.164. Carriers sometimes hand a handset's number without
 * its '+' (SMPP source_addr with an international TON); such a number is read as E.164 when that makes a
 * valid number. Anything else is kept as received, so nothing is lost, and simply matches nothing.
 */
public record OptOutPair(String sender, String recipient) {

    /**
     * libphonenumber's parse and validation is the dearest step of counting a message's usage (three events per
     * message, each with its pair), and traffic repeats its numbers; spellings seen are remembered, a bounded number
     * of them (when full the table starts over: a re-parse, never a wrong answer).
     */
    private static final int REMEMBERED = 100_000;
    private static final ConcurrentHashMap<String, String> SENDERS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> RECIPIENTS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> COUNTRIES = new ConcurrentHashMap<>();

    public static OptOutPair of(String rawSender, String rawRecipient) {
        return new OptOutPair(remembered(SENDERS, rawSender, OptOutPair::canonicalSender),
                remembered(RECIPIENTS, rawRecipient, OptOutPair::canonicalRecipient));
    }

    private static String remembered(ConcurrentHashMap<String, String> table, String raw, UnaryOperator<String> parse) {
        if (raw == null) {
            return parse.apply(null);
        }
        String known = table.get(raw);
        if (known == null) {
            known = parse.apply(raw);
            if (table.size() >= REMEMBERED) {
                table.clear();
            }
            table.put(raw, known);
        }
        return known;
    }

    /** The key of sms-optouts and sms-optout-commands: {@code <from>|<to>}. */
    public String key() {
        return TopicKeys.optOut(sender, recipient);
    }

    /** The recipient's country, ISO 3166 ("ZZ" when libphonenumber cannot tell). */
    public String country() {
        return remembered(COUNTRIES, recipient, SenderAddress::regionOf);
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
