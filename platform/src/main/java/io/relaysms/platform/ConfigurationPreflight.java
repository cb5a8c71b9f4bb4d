package io.relaysms.platform;

import io.relaysms.api.ProducerApiService;
import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.SharedSettings;
import io.relaysms.dispatcher.DispatcherService;
import io.relaysms.optout.OptOutProcessorService;
import io.relaysms.simulator.SimulatorSettings;
import io.relaysms.tracker.DeliveryTrackerService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every service's configuration the way the service will, before anything starts. Without it a mistake in one
 * service's keys showed only when that service started, after the broker and the simulator had come up, and only that
 * service's first problem; now the platform stops at once with every problem of every service listed. The values
 * the launcher fills in once things run (the embedded broker's address, the simulator's port) get stand-ins here.
 */
final class ConfigurationPreflight {

    private ConfigurationPreflight() {
    }

    /** @throws InvalidConfigurationException listing every problem found, each once */
    static void check(RelaySettings settings, PlatformConfig config) {
        RelaySettings view = withLauncherStandIns(settings, config);
        Set<String> problems = new LinkedHashSet<>();
        if (config.simulatorEnabled()) {
            collect(problems, () -> SimulatorSettings.of(view));
        }
        collect(problems, () -> DispatcherService.checkConfiguration(view));
        collect(problems, () -> DeliveryTrackerService.checkConfiguration(view));
        collect(problems, () -> OptOutProcessorService.checkConfiguration(view));
        collect(problems, () -> ProducerApiService.checkConfiguration(view));
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(List.copyOf(problems));
        }
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
