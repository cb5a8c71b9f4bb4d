package io.relaysms.platform;

import io.relaysms.api.ProducerApiService;
import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.SharedSettings;
import io.relaysms.dispatcher.DispatcherService;
import io.relaysms.optout.OptOutProcessorService;
import io.relaysms.simulator.SimulatorSettings;
import io.relaysms.tracker.DeliveryTrackerService;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the launcher's and every service's configuration the way each will, before anything starts. Without it a
 * mistake in one service's keys showed only when that service started, after the broker and the simulator had come
 * up, and only that service's first problem; now the platform stops at once with every problem listed: unknown keys,
 * values (Kafka client values too), numbers, carriers' attributes, access keys, the TLS keystore. The values the
 * launcher fills in once things run (the embedded broker's address, the simulator's port) get stand-ins here. What
 * only a running system can tell (a port taken, a cluster that refuses) still shows when it is met.
 */
final class ConfigurationPreflight {

    /** Readings with the keys of earlier problems set aside; each round can only uncover problems behind those keys. */
    private static final int MAX_ROUNDS = 3;
    private static final String NUMBERS = "numbers.";
    private static final String CARRIERS = "carriers.";

    private ConfigurationPreflight() {
    }

    /**
     * @return the launcher's own configuration, once it and every service's were found valid
     * @throws InvalidConfigurationException listing every problem found, each once
     */
    static PlatformConfig check(RelaySettings userSettings) {
        Set<String> problems = new LinkedHashSet<>();
        PlatformConfig config = null;
        try {
            config = new PlatformConfig(userSettings);
        } catch (InvalidConfigurationException e) {
            problems.addAll(e.problems());
        }
        // With the launcher's own keys wrong, the services are still checked, as the defaults would launch them.
        PlatformConfig launch = config != null ? config : new PlatformConfig(RelaySettings.of(Map.of()));
        RelaySettings view = withLauncherStandIns(RelayPlatform.asLaunched(userSettings, launch), launch);
        if (launch.simulatorEnabled() && !configuresCarrier(userSettings, launch.simulatorRoute())) {
            problems.add(PlatformConfig.SIMULATOR_ROUTE + ": no carrier '" + launch.simulatorRoute() + "' is configured "
                    + "(the carriers.<id> route whose host and port the launcher points at the simulator)");
        }
        // A bad value in a key every service reads (kafka.*, numbers) stops each service's reading at its first step,
        // before its carriers, webhooks or access keys; so the entries named are set aside and the services read again.
        // What a later reading says of an entry set aside (now missing) is an artifact of setting it aside, not news.
        Set<String> asideEntries = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Set<String> found = new LinkedHashSet<>();
            checkServices(view, launch, found);
            found.removeIf(problem -> keysNamedIn(List.of(problem)).stream().map(ConfigurationPreflight::entryOf)
                    .anyMatch(asideEntries::contains));
            problems.addAll(found);
            Set<String> named = keysNamedIn(found);
            named.removeIf(key -> asideEntries.contains(entryOf(key)));
            if (named.isEmpty()) {
                break;
            }
            Set<String> keys = new HashSet<>(named);
            for (String key : named) {
                asideEntries.add(entryOf(key));
                // A number is set aside whole: without one of its attributes it would only fail differently.
                if (key.startsWith(NUMBERS)) {
                    view.resolve(Set.of()).keySet().stream().filter(k -> k.startsWith(entryOf(key))).forEach(keys::add);
                }
            }
            view = view.without(keys);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(List.copyOf(problems));
        }
        return config;
    }

    private static void checkServices(RelaySettings view, PlatformConfig launch, Set<String> problems) {
        if (launch.simulatorEnabled()) {
            collect(problems, () -> SimulatorSettings.of(view));
        }
        collect(problems, () -> DispatcherService.checkConfiguration(view));
        collect(problems, () -> DeliveryTrackerService.checkConfiguration(view));
        collect(problems, () -> OptOutProcessorService.checkConfiguration(view));
        collect(problems, () -> ProducerApiService.checkConfiguration(view));
    }

    private static boolean configuresCarrier(RelaySettings settings, String route) {
        String prefix = "carriers." + route + ".";
        return settings.resolve(Set.of()).keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    /** {@code numbers.<number>.} or {@code carriers.<id>.} for their attributes; any other key is its own entry. */
    static String entryOf(String key) {
        for (String family : List.of(NUMBERS, CARRIERS)) {
            int dot = key.startsWith(family) ? key.indexOf('.', family.length()) : -1;
            if (dot > 0) {
                return key.substring(0, dot + 1);
            }
        }
        return key;
    }

    /** Problems read "key: what is wrong"; a problem of several keys ("a and b are both false") names none here. */
    static Set<String> keysNamedIn(Collection<String> problems) {
        Set<String> keys = new LinkedHashSet<>();
        for (String problem : problems) {
            int colon = problem.indexOf(':');
            if (colon > 0 && problem.substring(0, colon).indexOf(' ') < 0) {
                keys.add(problem.substring(0, colon));
            }
        }
        return keys;
    }

    private static RelaySettings withLauncherStandIns(RelaySettings settings, PlatformConfig config) {
        RelaySettings view = settings;
        if (config.embeddedKafka()) {
            view = view.with(SharedSettings.BOOTSTRAP_SERVERS, "127.0.0.1:" + Math.max(1, config.kafkaPort()));
        }
        if (config.simulatorEnabled()) {
            String route = "carriers." + config.simulatorRoute() + ".";
            view = view.with(route + "port", "1");
            if (!view.resolve(Set.of(route + "host")).containsKey(route + "host")) {
                view = view.with(route + "host", "127.0.0.1");
            }
        }
        return view;
    }

    private static void collect(Set<String> problems, Runnable read) {
        try {
            read.run();
        } catch (InvalidConfigurationException e) {
            problems.addAll(e.problems());
        }
    }
}
