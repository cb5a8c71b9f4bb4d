package io.relaysms.simulator;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import io.relaysms.config.numbers.OwnedNumber;
import io.relaysms.simulator.behaviour.BehaviourKey;
import io.relaysms.simulator.behaviour.BehaviourParser;
import io.relaysms.simulator.behaviour.CommandStatuses;
import io.relaysms.simulator.behaviour.Delay;
import io.relaysms.simulator.behaviour.RuleBook;
import io.relaysms.simulator.config.SimulatorConfigDefinition;
import io.relaysms.simulator.handset.HandsetSettings;
import io.relaysms.simulator.ids.MessageIdFormat;
import io.relaysms.simulator.smpp.Accounts;
import io.relaysms.simulator.smpp.SmppServerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.relaysms.simulator.config.SimulatorConfigDefinition.*;

/**
 * The simulator's validated configuration, typed. Built from the {@code simulator} namespace of the one
 * configuration surface ({@link #from(ServiceConfig)}), or from plain key/value pairs for embedding
 * ({@link #of(Map)}: the same keys, e.g. {@code simulator.smpp.port=0}). Every bad key is reported at once.
 */
public record SimulatorSettings(
        SmppServerSettings smpp,
        String adminHost,
        int adminPort,
        Accounts accounts,
        MessageIdFormat responseIdFormat,
        MessageIdFormat receiptIdFormat,
        Map<String, String> globalBehaviour,
        Map<String, Map<String, String>> rules,
        HandsetSettings handsets,
        Optional<Long> seed,
        int recordCapacity,
        int deliveryQueueCapacity,
        int deliveryThreadsPerAccount,
        int deliveryMaxAttempts,
        String moDefaultSystemId,
        Set<String> ownedNumbers) {

    public static SimulatorSettings of(Map<String, String> values) {
        return of(RelaySettings.of(values));
    }

    public static SimulatorSettings of(RelaySettings settings) {
        return from(new ServiceConfig(NAMESPACE, SimulatorConfigDefinition.definition(), settings));
    }

    public static SimulatorSettings from(ServiceConfig config) {
        List<String> problems = new ArrayList<>();
        Accounts accounts = Accounts.parse(config.withPrefix(Accounts.PREFIX), problems);
        MessageIdFormat response = MessageIdFormat.parse(MESSAGE_ID, config.getString(MESSAGE_ID + "format"),
                config.getString(MESSAGE_ID + "case"), config.getString(MESSAGE_ID + "width"), MessageIdFormat.LOWER_HEX, problems);
        MessageIdFormat receipt = MessageIdFormat.parse(RECEIPT_ID, config.getString(RECEIPT_ID + "format"),
                config.getString(RECEIPT_ID + "case"), config.getString(RECEIPT_ID + "width"), response, problems);
        Map<String, String> global = config.withPrefix(BehaviourKey.GLOBAL_PREFIX);
        Map<String, Map<String, String>> rules = new TreeMap<>();
        config.withPrefix(RULES_PREFIX).forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot <= 0) {
                problems.add(RULES_PREFIX + key + ": expected " + RULES_PREFIX + "<name>.<key>");
            } else {
                rules.computeIfAbsent(key.substring(0, dot), n -> new TreeMap<>()).put(key.substring(dot + 1), value);
            }
        });
        // Parsed here only to report bad rules at start-up; the simulator builds its own, changeable rule book.
        new RuleBook(new BehaviourParser(new CommandStatuses()), global, rules, problems);
        HandsetSettings handsets = handsets(config, problems);
        String moDefault = config.getString(MO_DEFAULT_SYSTEM_ID).trim();
        if (!moDefault.isEmpty() && accounts.get(moDefault).isEmpty()) {
            problems.add(MO_DEFAULT_SYSTEM_ID + ": no account '" + moDefault + "' (known: "
                    + accounts.all().stream().map(a -> a.systemId()).collect(Collectors.joining(", ")) + ")");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        SmppServerSettings smpp = new SmppServerSettings(config.getString(SMPP_HOST), config.getInt(SMPP_PORT),
                config.getString(SMPP_SYSTEM_ID), config.getInt(SMPP_BIND_TIMEOUT), config.getInt(SMPP_PROCESSOR_THREADS),
                config.getInt(SMPP_QUEUE_CAPACITY), config.getInt(SMPP_ENQUIRE_LINK), config.getInt(SMPP_RESPONSE_TIMEOUT));
        return new SimulatorSettings(smpp, config.getString(ADMIN_HOST), config.getInt(ADMIN_PORT), accounts, response,
                receipt, Map.copyOf(global), Map.copyOf(rules), handsets, Optional.ofNullable(config.getLong(RANDOM_SEED)),
                config.getInt(RECORD_CAPACITY), config.getInt(DELIVERY_QUEUE_CAPACITY), config.getInt(DELIVERY_THREADS),
                config.getInt(DELIVERY_MAX_ATTEMPTS), moDefault.isEmpty() ? accounts.first().systemId() : moDefault,
                config.numbers().all().stream().map(OwnedNumber::number).collect(Collectors.toUnmodifiableSet()));
    }

    private static HandsetSettings handsets(ServiceConfig config, List<String> problems) {
        long min = config.getLong(REPLY_DELAY_MIN);
        long max = config.getLong(REPLY_DELAY_MAX);
        if (max < min) {
            problems.add(REPLY_DELAY_MAX + ": is below " + REPLY_DELAY_MIN + " (" + max + " < " + min + ")");
            max = min;
        }
        try {
            return new HandsetSettings(config.getDouble(REPLY_STOP_SHARE), config.getDouble(REPLY_HELP_SHARE),
                    config.getDouble(REPLY_START_SHARE), config.getDouble(REPLY_TEXT_SHARE), config.getString(REPLY_TEXT),
                    new Delay(Delay.Distribution.UNIFORM, min, max, (min + max) / 2));
        } catch (IllegalArgumentException e) {
            problems.add("simulator.handsets.reply.*-share: " + e.getMessage());
            return HandsetSettings.SILENT;
        }
    }
}
