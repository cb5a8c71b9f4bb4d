package io.relaysms.simulator.config;

import io.relaysms.simulator.behaviour.BehaviourKey;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/**
 * Every {@code simulator.*} key, declared once with type, default, validation and doc. The families
 * {@code simulator.accounts.*} and {@code simulator.rules.*} are checked by their own parsers.
 */
public final class SimulatorConfigDefinition {

    public static final String NAMESPACE = "simulator";

    public static final String SMPP_HOST = "simulator.smpp.host";
    public static final String SMPP_PORT = "simulator.smpp.port";
    public static final String SMPP_SYSTEM_ID = "simulator.smpp.system-id";
    public static final String SMPP_BIND_TIMEOUT = "simulator.smpp.bind-timeout-ms";
    public static final String SMPP_PROCESSOR_THREADS = "simulator.smpp.processor-threads";
    public static final String SMPP_QUEUE_CAPACITY = "simulator.smpp.queue-capacity";
    public static final String SMPP_ENQUIRE_LINK = "simulator.smpp.enquire-link-ms";
    public static final String SMPP_RESPONSE_TIMEOUT = "simulator.smpp.response-timeout-ms";
    public static final String ADMIN_HOST = "simulator.admin.host";
    public static final String ADMIN_PORT = "simulator.admin.port";
    /** Every port this service listens on, for the advice when one is taken. */
    public static final List<String> PORTS = List.of(SMPP_PORT, ADMIN_PORT);
    public static final String ACCOUNTS = "simulator.accounts.*";
    public static final String RULES = "simulator.rules.*";
    public static final String RULES_PREFIX = "simulator.rules.";
    public static final String MESSAGE_ID = "simulator.message-id.";
    public static final String RECEIPT_ID = "simulator.receipt.id.";
    public static final String REPLY_STOP_SHARE = "simulator.handsets.reply.stop-share";
    public static final String REPLY_HELP_SHARE = "simulator.handsets.reply.help-share";
    public static final String REPLY_START_SHARE = "simulator.handsets.reply.start-share";
    public static final String REPLY_TEXT_SHARE = "simulator.handsets.reply.text-share";
    public static final String REPLY_TEXT = "simulator.handsets.reply.text";
    public static final String REPLY_DELAY_MIN = "simulator.handsets.reply.delay.min-ms";
    public static final String REPLY_DELAY_MAX = "simulator.handsets.reply.delay.max-ms";
    public static final String RANDOM_SEED = "simulator.random.seed";
    public static final String RECORD_CAPACITY = "simulator.record.capacity";
    public static final String DELIVERY_QUEUE_CAPACITY = "simulator.delivery.queue-capacity";
    public static final String DELIVERY_THREADS = "simulator.delivery.threads-per-account";
    public static final String DELIVERY_MAX_ATTEMPTS = "simulator.delivery.max-attempts";
    public static final String MO_DEFAULT_SYSTEM_ID = "simulator.mo.default-system-id";

    private static final Range PORT = Range.between(0, 65535);
    private static final Range SHARE = Range.between(0.0, 1.0);

    private SimulatorConfigDefinition() {
    }

    public static ConfigDef definition() {
        ConfigDef def = new ConfigDef()
                .define(SMPP_HOST, Type.STRING, "127.0.0.1", Importance.HIGH,
                        "Interface the SMPP port listens on; 0.0.0.0 for every interface.")
                .define(SMPP_PORT, Type.INT, 2775, PORT, Importance.HIGH, "SMPP port; 0 picks a free one.")
                .define(SMPP_SYSTEM_ID, Type.STRING, "RelaySim", Importance.LOW, "System id the SMSC answers binds with.")
                .define(SMPP_BIND_TIMEOUT, Type.INT, 5000, Range.atLeast(100), Importance.LOW,
                        "A connection that does not bind within this time is closed.")
                .define(SMPP_PROCESSOR_THREADS, Type.INT, 64, Range.between(1, 1024), Importance.MEDIUM,
                        "Worker threads per session: how many requests of one window are answered at once (latency included).")
                .define(SMPP_QUEUE_CAPACITY, Type.INT, 1000, Range.atLeast(1), Importance.LOW,
                        "Requests of one session waiting for a worker; beyond that jSMPP answers ESME_RTHROTTLED.")
                .define(SMPP_ENQUIRE_LINK, Type.INT, 30000, Range.atLeast(0), Importance.LOW,
                        "Idle time after which the SMSC sends enquire_link; 0 never.")
                .define(SMPP_RESPONSE_TIMEOUT, Type.INT, 5000, Range.atLeast(100), Importance.LOW,
                        "How long the SMSC waits for deliver_sm_resp and unbind_resp.")
                .define(ADMIN_HOST, Type.STRING, "127.0.0.1", Importance.MEDIUM, "Interface of the admin HTTP API.")
                .define(ADMIN_PORT, Type.INT, 8775, PORT, Importance.MEDIUM, "Admin HTTP port; 0 picks a free one.")
                .define(ACCOUNTS, Type.STRING, "", Importance.HIGH,
                        "Accounts: simulator.accounts.<system-id>.password and .max-binds (default 8). None: relay/relay.")
                .define(RULES, Type.STRING, "", Importance.MEDIUM,
                        "Behaviour rules: simulator.rules.<name>.<key> with the keys of simulator.behaviour.* plus "
                                + "prefix, pattern, numbers, segment, system-id and priority.")
                .define(RANDOM_SEED, Type.LONG, null, Importance.LOW,
                        "Seed of every random choice; unset: different each run.")
                .define(RECORD_CAPACITY, Type.INT, 10_000, Range.atLeast(1), Importance.LOW,
                        "Submits kept in the record; the oldest go beyond it (counted as evicted). Each takes some "
                                + "hundreds of bytes of heap (its body, text, addresses and ids).")
                .define(DELIVERY_QUEUE_CAPACITY, Type.INT, 100_000, Range.atLeast(1), Importance.LOW,
                        "Receipts and MOs held per account while no receiver is bound; beyond it they are dropped and counted.")
                .define(DELIVERY_THREADS, Type.INT, 2, Range.between(1, 64), Importance.LOW,
                        "deliver_sm in flight per account.")
                .define(DELIVERY_MAX_ATTEMPTS, Type.INT, 5, Range.atLeast(1), Importance.LOW,
                        "A deliver_sm refused or unanswered this often is given up (counted as failed).")
                .define(MO_DEFAULT_SYSTEM_ID, Type.STRING, "", Importance.LOW,
                        "Account for MOs to numbers no account has sent from yet; empty: the first account.")
                .define(REPLY_STOP_SHARE, Type.DOUBLE, 0.0, SHARE, Importance.MEDIUM, "Share of recipients who answer STOP.")
                .define(REPLY_HELP_SHARE, Type.DOUBLE, 0.0, SHARE, Importance.MEDIUM, "Share of recipients who answer HELP.")
                .define(REPLY_START_SHARE, Type.DOUBLE, 0.0, SHARE, Importance.MEDIUM, "Share of recipients who answer START.")
                .define(REPLY_TEXT_SHARE, Type.DOUBLE, 0.0, SHARE, Importance.MEDIUM,
                        "Share of recipients who answer the free text.")
                .define(REPLY_TEXT, Type.STRING, "Thanks, got it", Importance.LOW, "The free text of handset replies.")
                .define(REPLY_DELAY_MIN, Type.LONG, 500L, Range.atLeast(0), Importance.LOW, "Least delay of a handset reply.")
                .define(REPLY_DELAY_MAX, Type.LONG, 3000L, Range.atLeast(0), Importance.LOW, "Most delay of a handset reply.");
        idFormat(def, MESSAGE_ID, "hex", "lower", "0", "submit_sm_resp message ids");
        idFormat(def, RECEIPT_ID, "same", "same", "same", "the id: of receipt texts ('same': as message-id)");
        BehaviourKey.defineGlobals(def);
        return def;
    }

    private static void idFormat(ConfigDef def, String prefix, String format, String letterCase, String width, String what) {
        def.define(prefix + "format", Type.STRING, format, ValidString.in("hex", "decimal", "same"), Importance.MEDIUM,
                        "Digits of " + what + ": hex or decimal.")
                .define(prefix + "case", Type.STRING, letterCase, ValidString.in("lower", "upper", "same"), Importance.LOW,
                        "Letter case of hex " + what + ".")
                .define(prefix + "width", Type.STRING, width, Importance.LOW,
                        "Zero-pad " + what + " to this many digits (0: no padding).");
    }
}
