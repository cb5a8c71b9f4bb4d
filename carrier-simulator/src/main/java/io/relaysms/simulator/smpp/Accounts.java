package io.relaysms.simulator.smpp;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The accounts the carrier knows, from {@code simulator.accounts.<system-id>.password} and
 * {@code simulator.accounts.<system-id>.max-binds}. With none configured there is one, {@code relay} with
 * password {@code relay}, so the simulator works out of the box.
 */
public final class Accounts {

    public static final String PREFIX = "simulator.accounts.";
    public static final Account DEFAULT = new Account("relay", "relay", 8);
    private static final int SYSTEM_ID_MAX = 15;
    private static final int PASSWORD_MAX = 8;

    private final Map<String, Account> bySystemId;

    public Accounts(Collection<Account> accounts) {
        Map<String, Account> map = new LinkedHashMap<>();
        accounts.forEach(a -> map.put(a.systemId(), a));
        this.bySystemId = java.util.Collections.unmodifiableMap(map);
        if (bySystemId.isEmpty()) {
            throw new IllegalArgumentException("at least one account is needed");
        }
    }

    /** Parses the family (keys without {@link #PREFIX}); problems are added, not thrown. */
    public static Accounts parse(Map<String, String> family, List<String> problems) {
        Map<String, Map<String, String>> grouped = new TreeMap<>();
        family.forEach((key, value) -> {
            int dot = key.lastIndexOf('.');
            if (dot <= 0) {
                problems.add(PREFIX + key + ": expected " + PREFIX + "<system-id>.password or .max-binds");
            } else {
                grouped.computeIfAbsent(key.substring(0, dot), id -> new TreeMap<>()).put(key.substring(dot + 1), value);
            }
        });
        Map<String, Account> accounts = new LinkedHashMap<>();
        grouped.forEach((systemId, attributes) -> {
            String where = PREFIX + systemId;
            if (systemId.length() > SYSTEM_ID_MAX) {
                problems.add(where + ": an SMPP system id has at most " + SYSTEM_ID_MAX + " characters");
            }
            attributes.keySet().stream().filter(a -> !a.equals("password") && !a.equals("max-binds"))
                    .forEach(a -> problems.add(where + "." + a + ": unknown account key (password, max-binds)"));
            String password = attributes.getOrDefault("password", "");
            if (password.isEmpty() || password.length() > PASSWORD_MAX) {
                problems.add(where + ".password: an SMPP password has 1 to " + PASSWORD_MAX + " characters");
            }
            int maxBinds = 8;
            try {
                maxBinds = Integer.parseInt(attributes.getOrDefault("max-binds", "8").trim());
                if (maxBinds < 1) {
                    problems.add(where + ".max-binds: must be at least 1");
                }
            } catch (NumberFormatException e) {
                problems.add(where + ".max-binds: must be a number (was '" + attributes.get("max-binds") + "')");
            }
            accounts.put(systemId, new Account(systemId, password, maxBinds));
        });
        return new Accounts(accounts.isEmpty() ? List.of(DEFAULT) : accounts.values());
    }

    public Optional<Account> get(String systemId) {
        return Optional.ofNullable(bySystemId.get(systemId));
    }

    public Collection<Account> all() {
        return bySystemId.values();
    }

    /** The account MOs go to when nothing says otherwise: the first one (by system id, alphabetically). */
    public Account first() {
        return bySystemId.values().iterator().next();
    }
}
