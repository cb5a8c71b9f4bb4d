package io.relaysms.platform;

import io.relaysms.api.ProducerApiService;
import io.relaysms.api.config.ApiSettings;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import io.relaysms.config.SharedSettings;
import io.relaysms.dispatcher.DispatcherService;
import io.relaysms.kafka.embedded.EmbeddedKafkaBroker;
import io.relaysms.optout.OptOutProcessorService;
import io.relaysms.optout.OptOutSettings;
import io.relaysms.runtime.KafkaEnvironment;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.SimulatorSettings;
import io.relaysms.tracker.DeliveryTrackerService;
import io.relaysms.tracker.config.TrackerConfigDefinition;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform in one process. It adds nothing to the services: it starts an embedded broker (or points at a
 * cluster), the carrier simulator, creates the topics once, then starts the same service classes that run alone in
 * production, handing each the same settings. Services start in parallel where they do not depend on each other;
 * they stop in the reverse order of the data flow, so that nothing is accepted that cannot be carried on.
 */
public final class RelayPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelayPlatform.class);
    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(60);
    static final int PLATFORM_REPEATABILITY_ENTRIES = 200_000;

    private final PlatformConfig config;
    private final RelaySettings settings;
    private final DataFolderLock folder;
    private final Optional<EmbeddedKafkaBroker> broker;
    private final Optional<CarrierSimulator> simulator;
    private final DeliveryTrackerService tracker;
    private final OptOutProcessorService optOuts;
    private final DispatcherService dispatcher;
    private final ProducerApiService api;
    private final Duration startupTime;

    private RelayPlatform(PlatformConfig config, RelaySettings settings, DataFolderLock folder, Optional<EmbeddedKafkaBroker> broker,
                          Optional<CarrierSimulator> simulator, DeliveryTrackerService tracker, OptOutProcessorService optOuts,
                          DispatcherService dispatcher, ProducerApiService api, Duration startupTime) {
        this.config = config;
        this.settings = settings;
        this.folder = folder;
        this.broker = broker;
        this.simulator = simulator;
        this.tracker = tracker;
        this.optOuts = optOuts;
        this.dispatcher = dispatcher;
        this.api = api;
        this.startupTime = startupTime;
    }

    public static RelayPlatform start(RelaySettings userSettings) {
        long begin = System.nanoTime();
        PlatformConfig config = ConfigurationPreflight.check(userSettings);
        RelaySettings settings = asLaunched(userSettings, config);
        Deque<AutoCloseable> started = new ArrayDeque<>();
        List<CompletableFuture<?>> starting = new ArrayList<>();
        try {
            DataFolderLock folder = DataFolderLock.acquire(config.dataDirectory());
            started.push(folder);
            Optional<EmbeddedKafkaBroker> broker = Optional.empty();
            if (config.embeddedKafka()) {
                EmbeddedKafkaBroker embedded = EmbeddedKafkaBroker.builder()
                        .dataDirectory(config.dataDirectory().resolve("kafka"))
                        .port(config.kafkaPort())
                        .controllerPort(config.kafkaControllerPort())
                        .build();
                started.push(embedded::stop);
                try {
                    embedded.start();
                } catch (RuntimeException e) {
                    throw PortSettings.explain(PortSettings.KAFKA_BROKER, e);
                }
                broker = Optional.of(embedded);
                settings = settings.with(SharedSettings.BOOTSTRAP_SERVERS, embedded.bootstrapServers());
            }
            Optional<CarrierSimulator> simulator = Optional.empty();
            if (config.simulatorEnabled()) {
                CarrierSimulator carrier;
                try {
                    carrier = CarrierSimulator.start(SimulatorSettings.of(settings));
                } catch (RuntimeException e) {
                    throw PortSettings.explain(PortSettings.CARRIER_SIMULATOR, e);
                }
                started.push(carrier);
                simulator = Optional.of(carrier);
                String route = "carriers." + config.simulatorRoute() + ".";
                settings = settings.with(route + "port", String.valueOf(carrier.smppPort()));
                settings = withDefault(settings, route + "host", carrier.smppHost());
            }
            // Once here rather than four times at once: every service still checks the topics, and finds them.
            new KafkaEnvironment(platformView(settings)).ensureTopics(TOPICS_TIMEOUT);

            RelaySettings serviceSettings = settings;
            CompletableFuture<DeliveryTrackerService> tracker = startAsync("delivery-tracker",
                    () -> DeliveryTrackerService.start(serviceSettings), started);
            CompletableFuture<OptOutProcessorService> optOuts = startAsync("optout-processor",
                    () -> OptOutProcessorService.start(serviceSettings), started);
            CompletableFuture<DispatcherService> dispatcher = startAsync("dispatcher",
                    () -> DispatcherService.start(serviceSettings), started);
            starting.addAll(List.of(tracker, optOuts, dispatcher));
            // The API answers GET /deliveryReports from the tracker: with a fixed tracker port both start at once,
            // with an ephemeral one (tests) the API waits to learn it.
            int trackerPort = new ServiceConfig(TrackerConfigDefinition.NAMESPACE, TrackerConfigDefinition.definition(), serviceSettings)
                    .getInt(TrackerConfigDefinition.HTTP_PORT);
            CompletableFuture<Integer> trackerPortKnown = trackerPort != 0 ? CompletableFuture.completedFuture(trackerPort)
                    : tracker.thenApply(DeliveryTrackerService::httpPort);
            CompletableFuture<ProducerApiService> api = trackerPortKnown.thenCompose(port -> startAsync("producer-api",
                    () -> ProducerApiService.start(withDefault(serviceSettings, ApiSettings.DELIVERY_REPORTS_URL,
                            "http://127.0.0.1:" + port)), started));
            starting.add(api);
            CompletableFuture.allOf(tracker, optOuts, dispatcher, api).join();
            Duration startup = Duration.ofNanos(System.nanoTime() - begin);
            log.info("Relay platform ready in {} ms", startup.toMillis());
            return new RelayPlatform(config, settings, folder, broker, simulator, tracker.join(), optOuts.join(), dispatcher.join(),
                    api.join(), startup);
        } catch (RuntimeException e) {
            RuntimeException cause = e instanceof CompletionException && e.getCause() instanceof RuntimeException r ? r : e;
            waitForStartsToSettle(starting);
            closeAll(started);
            throw cause;
        }
    }

    /** The settings the services get from the launcher before anything runs: folders and heap shares. */
    static RelaySettings asLaunched(RelaySettings userSettings, PlatformConfig config) {
        return withSharedHeapSizes(withDataFolders(userSettings, config));
    }

    /** The platform's folders go under its data folder unless the configuration names them itself. */
    private static RelaySettings withDataFolders(RelaySettings settings, PlatformConfig config) {
        RelaySettings s = settings;
        s = withDefault(s, ApiSettings.DATA_DIR, config.dataDirectory().resolve("api").toString());
        s = withDefault(s, TrackerConfigDefinition.STATE_DIR, config.dataDirectory().resolve("streams").resolve("tracker").toString());
        s = withDefault(s, OptOutSettings.STATE_DIR, config.dataDirectory().resolve("streams").resolve("optout").toString());
        return s;
    }

    /**
     * Sizes for services that share one heap (512 MiB with platform/jvm.options) unless the configuration names them.
     * The API remembers every repeatable recipient (the Azure SDKs send repeatability ids with every request) for the
     * window, up to its own default of 2,000,000, about 240 bytes each: a quarter of an hour at 2,200 messages a
     * second would take nearly all of the platform's heap. Forgetting one early only answers its retry "accepted" instead of
     * "rejected"; the dispatcher still sends that messageId once.
     */
    static RelaySettings withSharedHeapSizes(RelaySettings settings) {
        return withDefault(settings, ApiSettings.REPEATABILITY_MAX_ENTRIES, String.valueOf(PLATFORM_REPEATABILITY_ENTRIES));
    }

    private static RelaySettings withDefault(RelaySettings settings, String key, String value) {
        return settings.resolve(Set.of(key)).containsKey(key) ? settings : settings.with(key, value);
    }

    private static ServiceConfig platformView(RelaySettings settings) {
        return new ServiceConfig(PlatformConfig.NAMESPACE, PlatformConfig.definition(), settings);
    }

    private static <T extends AutoCloseable> CompletableFuture<T> startAsync(String name, Supplier<T> start,
                                                                           Deque<AutoCloseable> started) {
        return CompletableFuture.supplyAsync(() -> {
            long begin = System.nanoTime();
            T service;
            try {
                service = start.get();
            } catch (RuntimeException e) {
                throw PortSettings.explain(name, new IllegalStateException(name + " failed to start: " + e.getMessage(), e));
            }
            synchronized (started) {
                started.push(service);
            }
            log.info("{} started in {} ms", name, Duration.ofNanos(System.nanoTime() - begin).toMillis());
            return service;
        }, runnable -> new Thread(runnable, "start-" + name).start());
    }

    /**
     * When one service fails, the others may still be starting; closing only what has finished would leave the rest
     * running. Their own start-up timeouts bound this wait.
     */
    private static void waitForStartsToSettle(List<CompletableFuture<?>> starting) {
        for (CompletableFuture<?> start : starting) {
            start.handle((service, failure) -> null).join();
        }
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        synchronized (started) {
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    log.warn("while stopping after a failed start: {}", e.getMessage());
                }
            }
        }
    }

    public PlatformConfig config() {
        return config;
    }

    /** The settings every service was started with, including what the launcher filled in (ports, folders). */
    public RelaySettings settings() {
        return settings;
    }

    public Optional<EmbeddedKafkaBroker> broker() {
        return broker;
    }

    public Optional<CarrierSimulator> simulator() {
        return simulator;
    }

    public ProducerApiService api() {
        return api;
    }

    public DispatcherService dispatcher() {
        return dispatcher;
    }

    public DeliveryTrackerService tracker() {
        return tracker;
    }

    public OptOutProcessorService optOuts() {
        return optOuts;
    }

    public String bootstrapServers() {
        return settings.resolve(Set.of(SharedSettings.BOOTSTRAP_SERVERS)).get(SharedSettings.BOOTSTRAP_SERVERS);
    }

    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Front to back: the API stops taking requests, the dispatcher finishes what it has in flight and commits, the
     * Streams applications commit their state, then the carrier and the broker go.
     */
    @Override
    public void close() {
        long begin = System.nanoTime();
        closeQuietly("producer-api", api);
        closeQuietly("dispatcher", dispatcher);
        closeQuietly("optout-processor", optOuts);
        closeQuietly("delivery-tracker", tracker);
        simulator.ifPresent(carrier -> closeQuietly("carrier simulator", carrier));
        broker.ifPresent(kafka -> closeQuietly("Kafka broker", kafka::stop));
        closeQuietly("data folder lock", folder);
        log.info("Relay platform stopped in {} ms", Duration.ofNanos(System.nanoTime() - begin).toMillis());
    }

    private static void closeQuietly(String name, AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("while stopping the {}: {}", name, e.getMessage());
        }
    }
}
