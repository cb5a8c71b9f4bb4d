package io.relaysms.simulator.behaviour;

import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/**
 * The keys that shape behaviour, declared once: globally they read {@code simulator.behaviour.<key>}, in a
 * rule {@code simulator.rules.<name>.<key>} (or a field of {@code POST /rules}). A rule's unset keys take the
 * global value. The match keys exist in rules only.
 */
public enum BehaviourKey {
    PREFIX("prefix", Type.STRING, "", null, true,
            "Destinations starting with this (E.164, '+' optional) match the rule."),
    PATTERN("pattern", Type.STRING, "", null, true,
            "Destinations matching this regular expression (seen as +<digits> for numbers) match the rule."),
    NUMBERS("numbers", Type.LIST, "", null, true,
            "Destinations in this comma list match the rule."),
    SEGMENT("segment", Type.INT, 0, Range.atLeast(0), true,
            "Only this part of concatenated messages matches (1 = first); 0 matches every part."),
    SYSTEM_ID("system-id", Type.STRING, "", null, true,
            "Only submits from binds of this system id match."),
    PRIORITY("priority", Type.INT, 100, null, true,
            "Rules are tried highest priority first; among equals, rules set at runtime (newest first), then configured ones by name. The first match applies."),

    LATENCY_MIN("latency.min-ms", Type.LONG, 0L, Range.atLeast(0), false,
            "Least time the carrier takes to answer a submit_sm."),
    LATENCY_MAX("latency.max-ms", Type.LONG, 0L, Range.atLeast(0), false,
            "Most time the carrier takes to answer a submit_sm."),
    LATENCY_DISTRIBUTION("latency.distribution", Type.STRING, "uniform", ValidString.in("uniform", "exponential"), false,
            "uniform between min and max, or exponential (long tail) from min with the given mean, cut at max."),
    LATENCY_MEAN("latency.mean-ms", Type.LONG, -1L, Range.atLeast(-1), false,
            "Mean of the exponential latency; -1 takes the middle of min and max."),
    TPS("tps", Type.INT, 0, Range.atLeast(0), false,
            "submit_sm per second accepted on one bind; beyond it the answer is ESME_RTHROTTLED. 0: no limit."),
    SUBMIT_ERROR_STATUS("submit-error.status", Type.STRING, "", null, false,
            "Answer submit_sm with this command_status (e.g. ESME_RTHROTTLED, ESME_RINVDSTADR, 0x45) instead of accepting."),
    SUBMIT_ERROR_SHARE("submit-error.share", Type.DOUBLE, 1.0, Range.between(0.0, 1.0), false,
            "Share of matching submit_sm answered with submit-error.status."),
    RECEIPT_OUTCOMES("receipt.outcomes", Type.STRING, "DELIVRD:1", null, false,
            "Weights of receipt outcomes, e.g. DELIVRD:90,UNDELIV:4,EXPIRED:3,REJECTD:2,UNKNOWN:1; drawn per segment."),
    RECEIPT_DELAY_MIN("receipt.delay.min-ms", Type.LONG, 100L, Range.atLeast(0), false,
            "Least time between submit_sm_resp and the receipt of a segment."),
    RECEIPT_DELAY_MAX("receipt.delay.max-ms", Type.LONG, 1000L, Range.atLeast(0), false,
            "Most time between submit_sm_resp and the receipt of a segment."),
    RECEIPT_NEVER_SHARE("receipt.never-share", Type.DOUBLE, 0.0, Range.between(0.0, 1.0), false,
            "Share of segments whose receipt is never sent, to exercise receipt timeouts."),
    RECEIPT_ERROR("receipt.err", Type.STRING, "", null, false,
            "err: code of receipts other than DELIVRD; empty gives each state its own (EXPIRED 001, UNDELIV 002, "
                    + "UNKNOWN 003, REJECTD 004)."),
    REPLY_TEXT("reply.text", Type.STRING, "", null, false,
            "Every matching recipient answers this text (e.g. STOP) to each message it receives; empty: no reply."),
    REPLY_DELAY("reply.delay-ms", Type.LONG, 0L, Range.atLeast(0), false,
            "Time between the last part of a message and the recipient's reply.");

    public static final String GLOBAL_PREFIX = "simulator.behaviour.";

    private final String suffix;
    private final Type type;
    private final Object defaultValue;
    private final ConfigDef.Validator validator;
    private final boolean ruleOnly;
    private final String doc;

    BehaviourKey(String suffix, Type type, Object defaultValue, ConfigDef.Validator validator, boolean ruleOnly, String doc) {
        this.suffix = suffix;
        this.type = type;
        this.defaultValue = defaultValue;
        this.validator = validator;
        this.ruleOnly = ruleOnly;
        this.doc = doc;
    }

    public String suffix() {
        return suffix;
    }

    public boolean ruleOnly() {
        return ruleOnly;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    public String globalName() {
        return GLOBAL_PREFIX + suffix;
    }

    public static Optional<BehaviourKey> bySuffix(String suffix) {
        return Arrays.stream(values()).filter(k -> k.suffix.equals(suffix)).findFirst();
    }

    /** Declares the global keys in a service definition. */
    public static void defineGlobals(ConfigDef definition) {
        for (BehaviourKey key : values()) {
            if (!key.ruleOnly) {
                definition.define(key.globalName(), key.type, key.defaultValue, key.validator,
                        ConfigDef.Importance.MEDIUM, key.doc);
            }
        }
    }

    /** The typed value of a written setting, validated as the global key would be. */
    public Object parse(String where, String text) {
        Object value = ConfigDef.parseType(where, text, type);
        if (validator != null) {
            validator.ensureValid(where, value);
        }
        return value;
    }
}
