package io.relaysms.optout.keywords;

import io.relaysms.config.ServiceConfig;
import io.relaysms.config.numbers.NumberDirectory;
import io.relaysms.config.numbers.NumberType;
import io.relaysms.config.numbers.OwnedNumber;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Which keywords each sending number honours, from three layers, the most specific winning per kind:
 * <pre>
 * optout.keywords.opt-out=STOP,STOPALL,...              # every number
 * optout.keywords.short-code.opt-out=STOP,QUIT,...      # numbers of one type (toll-free, short-code, long-code, alphanumeric)
 * numbers.+18005550100.optout.keywords.opt-out=STOP,ALTO  # one number
 * </pre>
 * The defaults are the union that carriers and the clouds honour (ACS short codes, AWS, Twilio, Braze), so a
 * recipient who uses any of them is heard. A number Relay does not own (an inbound to a number removed from
 * the configuration) gets the defaults.
 */
public final class KeywordRules {

    public static final String PREFIX = "optout.keywords.";
    /** The attribute prefix under {@code numbers.<number>.}. */
    public static final String NUMBER_PREFIX = "optout.keywords.";

    static final List<String> DEFAULT_OPT_OUT = List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT", "OPT OUT", "OPT-OUT", "REMOVE", "ARRET", "TD");
    static final List<String> DEFAULT_OPT_IN = List.of("START", "UNSTOP", "YES");
    static final List<String> DEFAULT_HELP = List.of("HELP", "INFO");

    private final Keywords defaults;
    private final Map<String, Keywords> byNumber;
    private final NumberDirectory numbers;

    private KeywordRules(Keywords defaults, Map<String, Keywords> byNumber, NumberDirectory numbers) {
        this.defaults = defaults;
        this.byNumber = Map.copyOf(byNumber);
        this.numbers = numbers;
    }

    /** Adds the keyword keys (global and per number type) to a service's definition. */
    public static ConfigDef define(ConfigDef definition) {
        Map<KeywordKind, List<String>> defaults = Map.of(KeywordKind.OPT_OUT, DEFAULT_OPT_OUT,
                KeywordKind.OPT_IN, DEFAULT_OPT_IN, KeywordKind.HELP, DEFAULT_HELP);
        for (KeywordKind kind : KeywordKind.values()) {
            definition.define(PREFIX + kind.configName(), Type.LIST, defaults.get(kind), Importance.HIGH,
                    "Inbound texts that mean " + kind.configName() + " for every number, unless its type or the number "
                            + "lists its own. A text matches when, ignoring case, accents, surrounding whitespace and "
                            + "punctuation, it is exactly one keyword.");
        }
        for (NumberType type : NumberType.values()) {
            for (KeywordKind kind : KeywordKind.values()) {
                definition.define(PREFIX + type.configName() + "." + kind.configName(), Type.LIST, null, Importance.MEDIUM,
                        "The " + kind.configName() + " keywords of " + type.configName() + " numbers; unset: "
                                + PREFIX + kind.configName() + ".");
            }
        }
        return definition;
    }

    /** The per-number attributes this class reads, under {@code numbers.<number>.}. */
    public static Set<String> numberAttributes() {
        return Arrays.stream(KeywordKind.values()).map(kind -> NUMBER_PREFIX + kind.configName())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The rules for every owned number; problems (ambiguous keywords) are appended, not thrown. */
    public static KeywordRules from(ServiceConfig config, List<String> problems) {
        Map<KeywordKind, List<String>> global = new EnumMap<>(KeywordKind.class);
        for (KeywordKind kind : KeywordKind.values()) {
            global.put(kind, config.getList(PREFIX + kind.configName()));
        }
        Keywords defaults = Keywords.of(global, PREFIX + "*", problems);
        Map<String, Keywords> byNumber = new HashMap<>();
        for (OwnedNumber number : config.numbers().all()) {
            Map<KeywordKind, List<String>> lists = new EnumMap<>(KeywordKind.class);
            for (KeywordKind kind : KeywordKind.values()) {
                List<String> typeList = config.getList(PREFIX + number.type().configName() + "." + kind.configName());
                List<String> list = number.attribute(NUMBER_PREFIX + kind.configName()).map(KeywordRules::split)
                        .orElse(typeList != null ? typeList : global.get(kind));
                lists.put(kind, list);
            }
            byNumber.put(number.number(), Keywords.of(lists, "numbers." + number.number() + "." + NUMBER_PREFIX + "*", problems));
        }
        return new KeywordRules(defaults, byNumber, config.numbers());
    }

    /** The keywords that an inbound to this number of ours is matched against. */
    public Keywords forNumber(String ourNumber) {
        Keywords direct = byNumber.get(ourNumber);
        if (direct != null) {
            return direct;
        }
        return numbers.lookup(ourNumber).map(owned -> byNumber.get(owned.number())).orElse(defaults);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
