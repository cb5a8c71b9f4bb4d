package io.relaysms.optout.autoreply;

import io.relaysms.config.ServiceConfig;
import io.relaysms.config.numbers.NumberDirectory;
import io.relaysms.config.numbers.NumberType;
import io.relaysms.config.numbers.OwnedNumber;
import io.relaysms.optout.keywords.KeywordKind;
import io.relaysms.optout.keywords.KeywordMatch;
import io.relaysms.optout.keywords.KeywordNormalizer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Whether and with what text a number answers a keyword, per number type and per number:
 * <pre>
 * optout.replies.help.text=Acme alerts: reply STOP to unsubscribe. Help: acme.example/sms
 * optout.replies.short-code.opt-in.enabled=true
 * optout.replies.toll-free.carrier-answers=STOP,START,UNSTOP
 * numbers.+18005550100.optout.replies.opt-out.text=Acme: you will get no more messages. Reply START to return.
 * numbers.+18005550100.optout.replies.help.enabled=false
 * </pre>
 * Defaults by type, and why:
 * <ul>
 *   <li>toll-free: the carrier itself answers STOP, START and UNSTOP with its "NETWORK MSG" text and cannot be
 *       overridden (ACS SMS FAQ; AWS: "the only supported opt-out keyword for a US toll-free number is STOP"), so
 *       Relay does not confirm those (a second confirmation would confuse); it does confirm the synonyms the
 *       carrier ignores (UNSUBSCRIBE, CANCEL...) and answers HELP;</li>
 *   <li>short code and long code (10DLC): nobody else answers, so Relay confirms opt-out and opt-in and answers
 *       HELP, as CTIA's principles ask;</li>
 *   <li>alphanumeric senders cannot receive, so they never answer.</li>
 * </ul>
 * Numbers Relay does not own never answer: nothing could send from them.
 */
public final class ReplyRules {

    public static final String PREFIX = "optout.replies.";
    static final String CARRIER_ANSWERS = "carrier-answers";
    static final Map<KeywordKind, String> DEFAULT_TEXTS = Map.of(
            KeywordKind.OPT_OUT, "You are unsubscribed and will get no more messages from this number. Reply START to resubscribe.",
            KeywordKind.OPT_IN, "You are resubscribed and will get messages from this number again. Reply STOP to unsubscribe.",
            KeywordKind.HELP, "Reply STOP to unsubscribe or START to resubscribe. Msg & data rates may apply.");

    /** One number's answers: the text per kind it answers, and the keywords its carrier answers instead. */
    record NumberReplies(Map<KeywordKind, String> texts, Set<String> carrierAnswers) {
    }

    private final Map<String, NumberReplies> byNumber;
    private final NumberDirectory numbers;

    private ReplyRules(Map<String, NumberReplies> byNumber, NumberDirectory numbers) {
        this.byNumber = Map.copyOf(byNumber);
        this.numbers = numbers;
    }

    public static ConfigDef define(ConfigDef definition) {
        for (KeywordKind kind : KeywordKind.values()) {
            definition.define(PREFIX + kind.configName() + ".text", Type.STRING, DEFAULT_TEXTS.get(kind), Importance.HIGH,
                    "The automatic answer to a " + kind.configName() + " keyword, unless the number type or the number has its own.");
        }
        for (NumberType type : NumberType.values()) {
            String typePrefix = PREFIX + type.configName() + ".";
            for (KeywordKind kind : KeywordKind.values()) {
                definition.define(typePrefix + kind.configName() + ".enabled", Type.BOOLEAN, type != NumberType.ALPHANUMERIC,
                        Importance.MEDIUM, "Whether " + type.configName() + " numbers answer " + kind.configName() + " keywords.");
                definition.define(typePrefix + kind.configName() + ".text", Type.STRING, null, Importance.LOW,
                        "The " + kind.configName() + " answer of " + type.configName() + " numbers; unset: "
                                + PREFIX + kind.configName() + ".text.");
            }
            definition.define(typePrefix + CARRIER_ANSWERS, Type.LIST,
                    type == NumberType.TOLL_FREE ? List.of("STOP", "START", "UNSTOP") : List.of(), Importance.MEDIUM,
                    "Keywords the carrier of " + type.configName() + " numbers answers itself; Relay then stays silent.");
        }
        return definition;
    }

    /** The per-number attributes this class reads, under {@code numbers.<number>.}. */
    public static Set<String> numberAttributes() {
        Set<String> names = Arrays.stream(KeywordKind.values())
                .flatMap(kind -> java.util.stream.Stream.of(PREFIX + kind.configName() + ".enabled", PREFIX + kind.configName() + ".text"))
                .collect(Collectors.toSet());
        names.add(PREFIX + CARRIER_ANSWERS);
        return names;
    }

    public static ReplyRules from(ServiceConfig config, List<String> problems) {
        Map<String, NumberReplies> byNumber = new HashMap<>();
        for (OwnedNumber number : config.numbers().all()) {
            String typePrefix = PREFIX + number.type().configName() + ".";
            Map<KeywordKind, String> texts = new EnumMap<>(KeywordKind.class);
            for (KeywordKind kind : KeywordKind.values()) {
                String enabledKey = PREFIX + kind.configName() + ".enabled";
                boolean enabled = number.attribute(enabledKey)
                        .map(value -> parseBoolean(value, "numbers." + number.number() + "." + enabledKey, problems))
                        .orElse(config.getBoolean(typePrefix + kind.configName() + ".enabled"));
                String text = number.attribute(PREFIX + kind.configName() + ".text")
                        .or(() -> Optional.ofNullable(config.getString(typePrefix + kind.configName() + ".text")))
                        .orElse(config.getString(PREFIX + kind.configName() + ".text"));
                if (enabled && text.isBlank()) {
                    problems.add("numbers." + number.number() + ": answering " + kind.configName() + " is enabled but its text is empty");
                } else if (enabled) {
                    texts.put(kind, text);
                }
            }
            List<String> carrier = number.attribute(PREFIX + CARRIER_ANSWERS)
                    .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                    .orElse(config.getList(typePrefix + CARRIER_ANSWERS));
            Set<String> normalized = carrier.stream().map(KeywordNormalizer::normalize).collect(Collectors.toUnmodifiableSet());
            byNumber.put(number.number(), new NumberReplies(texts, normalized));
        }
        return new ReplyRules(byNumber, config.numbers());
    }

    /** The text to answer a keyword with, sent from {@code ourNumber}; empty when the number stays silent. */
    public Optional<String> replyFor(String ourNumber, KeywordMatch match) {
        NumberReplies replies = byNumber.get(ourNumber);
        if (replies == null) {
            replies = numbers.lookup(ourNumber).map(owned -> byNumber.get(owned.number())).orElse(null);
        }
        if (replies == null || replies.carrierAnswers().contains(match.keyword())) {
            return Optional.empty();
        }
        return Optional.ofNullable(replies.texts().get(match.kind()));
    }

    private static boolean parseBoolean(String value, String key, List<String> problems) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problems.add(key + ": must be true or false (was '" + value + "')");
            return false;
        }
        return Boolean.parseBoolean(v);
    }
}
