package io.relaysms.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The raw configuration of one process: a file, the environment and explicit overrides, in rising order of
 * precedence. Services turn it into a validated {@link ServiceConfig}; the platform launcher hands the same
 * settings to every service it runs, which is why resolution of environment names waits until a service says
 * which keys it declares.
 */
public final class RelaySettings {

    private final Map<String, String> fileValues;
    private final Map<String, String> environment;
    private final Map<String, String> overrides;
    private final Set<String> setAside;

    private RelaySettings(Map<String, String> fileValues, Map<String, String> environment, Map<String, String> overrides) {
        this(fileValues, environment, overrides, Set.of());
    }

    private RelaySettings(Map<String, String> fileValues, Map<String, String> environment, Map<String, String> overrides,
                          Set<String> setAside) {
        this.fileValues = Map.copyOf(fileValues);
        this.environment = Map.copyOf(environment);
        this.overrides = Map.copyOf(overrides);
        this.setAside = Set.copyOf(setAside);
    }

    /** Settings from an optional file plus this process's environment. */
    public static RelaySettings load(Optional<Path> file) {
        return new RelaySettings(file.map(ConfigFileReader::read).orElse(Map.of()), System.getenv(), Map.of());
    }

    public static RelaySettings of(Map<String, String> values) {
        return new RelaySettings(values, Map.of(), Map.of());
    }

    public static RelaySettings of(Map<String, String> fileValues, Map<String, String> environment) {
        return new RelaySettings(fileValues, environment, Map.of());
    }

    /** A copy with the given keys set, above file and environment (used by the launcher and by tests). */
    public RelaySettings with(Map<String, String> moreOverrides) {
        Map<String, String> merged = new LinkedHashMap<>(overrides);
        merged.putAll(moreOverrides);
        return new RelaySettings(fileValues, environment, merged, setAside);
    }

    public RelaySettings with(String key, String value) {
        return with(Map.of(key, value));
    }

    /** A copy in which the given keys are unset wherever they came from (their defaults apply). */
    public RelaySettings without(Collection<String> keys) {
        Set<String> aside = new HashSet<>(setAside);
        aside.addAll(keys);
        return new RelaySettings(fileValues, environment, overrides, aside);
    }

    /** The effective key/value map for a service that declares the given keys. */
    public Map<String, String> resolve(Collection<String> declaredKeys) {
        Map<String, String> effective = new TreeMap<>(fileValues);
        effective.putAll(EnvironmentOverrides.resolve(environment, declaredKeys));
        effective.putAll(overrides);
        effective.keySet().removeAll(setAside);
        return effective;
    }

    /** Whether a key's value must never be printed: passwords, secrets, keys and JAAS lines. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.endsWith("key")
                || k.contains("access-key") || k.contains("accesskey") || k.contains("user.info") || k.contains("token");
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        resolve(java.util.List.of()).forEach((k, v) -> shown.put(k, isSecret(k) ? "[hidden]" : v));
        return "RelaySettings" + shown;
    }
}
