package io.relaysms.platform;

import io.relaysms.api.ProducerApiMain;
import io.relaysms.api.ProducerApiService;
import io.relaysms.api.config.ApiSettings;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import io.relaysms.dispatcher.DispatcherConfig;
import io.relaysms.dispatcher.DispatcherMain;
import io.relaysms.dispatcher.DispatcherService;
import io.relaysms.optout.OptOutProcessorMain;
import io.relaysms.optout.OptOutProcessorService;
import io.relaysms.optout.OptOutSettings;
import io.relaysms.simulator.CarrierSimulatorMain;
import io.relaysms.simulator.SimulatorSettings;
import io.relaysms.simulator.config.SimulatorConfigDefinition;
import io.relaysms.tracker.DeliveryTrackerMain;
import io.relaysms.tracker.DeliveryTrackerService;
import io.relaysms.tracker.config.TrackerConfigDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigDef;

/**
 * What each standalone main reads, for checking a container's configuration without starting it: the keys the service
 * declares (its own plus the shared ones) and the same validation its start-up runs first, which throws
 * {@code InvalidConfigurationException} listing every problem.
 */
final class RelayMains {

    /** One runnable service: its declared keys, and its start-up's validation of a configuration. */
    record Definition(Supplier<ConfigDef> keys, Consumer<RelaySettings> validation) {

        Set<String> declaredKeys() {
            return ServiceConfig.withSharedKeys(keys.get()).names();
        }

        void validate(RelaySettings settings) {
            validation.accept(settings);
        }
    }

    private static final Map<String, Definition> BY_MAIN_CLASS = Map.of(
            ProducerApiMain.class.getName(), new Definition(ApiSettings::definition, ProducerApiService::checkConfiguration),
            DispatcherMain.class.getName(), new Definition(DispatcherConfig::definition, DispatcherService::checkConfiguration),
            DeliveryTrackerMain.class.getName(), new Definition(TrackerConfigDefinition::definition, DeliveryTrackerService::checkConfiguration),
            OptOutProcessorMain.class.getName(), new Definition(OptOutSettings::definition, OptOutProcessorService::checkConfiguration),
            CarrierSimulatorMain.class.getName(), new Definition(SimulatorConfigDefinition::definition, SimulatorSettings::of));

    private RelayMains() {
    }

    static Optional<Definition> forMainClass(String mainClass) {
        return Optional.ofNullable(BY_MAIN_CLASS.get(mainClass));
    }

    static boolean isRelayMain(String mainClass) {
        return mainClass.startsWith("io.relaysms.");
    }
}
