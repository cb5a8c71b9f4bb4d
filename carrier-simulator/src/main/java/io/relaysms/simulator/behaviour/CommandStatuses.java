package io.relaysms.simulator.behaviour;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jsmpp.SMPPConstant;

/**
 * SMPP command_status values by the names the specification gives them ({@code ESME_RTHROTTLED}), taken from
 * jSMPP's constants so the table cannot drift from the library that puts them on the wire. Configuration may
 * also give a number, decimal or {@code 0x} hex.
 */
public final class CommandStatuses {

    private final Map<String, Integer> byName = new TreeMap<>();
    private final Map<Integer, String> byValue = new TreeMap<>();

    public CommandStatuses() {
        for (Field field : SMPPConstant.class.getFields()) {
            if (field.getName().startsWith("STAT_ESME_") && field.getType() == int.class
                    && Modifier.isStatic(field.getModifiers())) {
                try {
                    String name = field.getName().substring("STAT_".length());
                    int value = field.getInt(null);
                    byName.put(name, value);
                    byValue.putIfAbsent(value, name);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
            }
        }
    }

    /** The status for a name or number, empty when it is neither. */
    public Optional<Integer> parse(String text) {
        String t = text.trim();
        Integer named = byName.get(t.toUpperCase(Locale.ROOT));
        if (named != null) {
            return Optional.of(named);
        }
        try {
            return Optional.of(t.toLowerCase(Locale.ROOT).startsWith("0x")
                    ? Integer.parseUnsignedInt(t.substring(2), 16) : Integer.parseInt(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String name(int status) {
        // Called for every submit: the hex form is only built for a status without a name.
        String name = byValue.get(status);
        return name != null ? name : String.format("0x%08X", status);
    }
}
