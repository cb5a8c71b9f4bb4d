package io.relaysms.tracker;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.SharedSettings;
import io.relaysms.runtime.HealthChecks;
import io.relaysms.runtime.KafkaEnvironment;
import io.relaysms.runtime.StreamsRunner;
import io.relaysms.topics.Topic;
import io.relaysms.tracker.config.TrackerConfigDefinition;
import io.relaysms.tracker.config.TrackerSettings;
import io.relaysms.tracker.ids.MatchKeys;
import io.relaysms.tracker.inbound.InboundReassemblyTopology;
import io.relaysms.tracker.metrics.TrackerMetrics;
import io.relaysms.tracker.query.MessageLocator;
import io.relaysms.tracker.query.QueryServer;
import io.relaysms.tracker.reports.DeliveryReportTopology;
import io.relaysms.tracker.reports.ReportSettings;
import io.relaysms.tracker.streams.DeadLetterHandler;
import io.relaysms.tracker.webhooks.WebhookPushers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery tracker: two Kafka Streams applications ({@link DeliveryReportTopology} and
 * {@link InboundReassemblyTopology}, exactly-once v2), the webhook pushers, and the query API with health and
 * metrics. {@link #start} validates the {@code tracker.*} configuration, ensures the topics, and returns once both
 * Streams applications are RUNNING; {@link #close} stops everything in reverse order. The same class runs standalone
 * ({@link DeliveryTrackerMain}) and inside the platform launcher.
 */
public final class DeliveryTrackerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryTrackerService.class);
    static final String REPORTS_APPLICATION = "relay-delivery-tracker-reports";
    static final String INBOUND_APPLICATION = "relay-delivery-tracker-inbound";

    private final Deque<AutoCloseable> resources;
    private final QueryServer http;
    private final HealthChecks health;

    private DeliveryTrackerService(Deque<AutoCloseable> resources, QueryServer http, HealthChecks health) {
        this.resources = resources;
        this.http = http;
        this.health = health;
    }

    /**
     * Reads the tracker's settings as {@link #start} does, without starting anything, so that a launcher can report a
     * mistake before it starts a broker.
     *
     * @throws io.relaysms.config.InvalidConfigurationException listing the problems
     */
    public static void checkConfiguration(RelaySettings relaySettings) {
        TrackerSettings.from(relaySettings);
    }

    public static DeliveryTrackerService start(RelaySettings relaySettings) {
        return start(relaySettings, Clock.systemUTC());
    }

    /** Starts with the given clock for webhook signature timestamps and retry scheduling. */
    public static DeliveryTrackerService start(RelaySettings relaySettings, Clock clock) {
        TrackerSettings settings = TrackerSettings.from(relaySettings);
        if (settings.defaultReportTimeout().compareTo(TrackerConfigDefinition.CARRIER_RECEIPT_WINDOW) < 0) {
            log.warn("tracker.report-timeout.default is {}: carriers can take up to 72 hours to send a receipt, so late "
                    + "deliveries will be reported Failed (RECEIPT_TIMEOUT)", settings.defaultReportTimeout());
        }
        KafkaEnvironment kafka = new KafkaEnvironment(settings.serviceConfig());
        kafka.ensureTopics(settings.startupTimeout());
        String bootstrap = String.join(",", settings.serviceConfig().getList(SharedSettings.BOOTSTRAP_SERVERS));
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            resources.push(registry::close);
            TrackerMetrics metrics = new TrackerMetrics(registry);
            HealthChecks health = new HealthChecks();
            QueryServer http = QueryServer.start(settings.httpHost(), settings.httpPort(), health, registry,
                    settings.remoteQueryTimeout());
            resources.push(http);
            HostInfo self = new HostInfo(settings.advertisedHost(), http.port());

            DeliveryReportTopology reports = new DeliveryReportTopology(kafka.topics(), new MatchKeys(settings.idFormats()),
                    ReportSettings.from(settings), settings.stateStores(), metrics);
            InboundReassemblyTopology inbound = new InboundReassemblyTopology(kafka.topics(), settings.reassemblyTimeout(),
                    settings.punctuationInterval(), settings.gsm7Packing(), settings.stateStores(), metrics);
            // Both applications wait for their first rebalance; starting them side by side halves start-up time.
            CompletableFuture<StreamsRunner> inboundStart = CompletableFuture.supplyAsync(() -> StreamsRunner.start("inbound",
                    inbound.build(), streamsProperties(kafka, settings, INBOUND_APPLICATION, inbound.inputs(), bootstrap, null),
                    settings.startupTimeout()));
            resources.push(() -> inboundStart.thenAccept(DeliveryTrackerService::stop).exceptionally(e -> null).join());
            StreamsRunner reportsRunner = StreamsRunner.start("delivery-reports", reports.build(),
                    streamsProperties(kafka, settings, REPORTS_APPLICATION, reports.inputs(), bootstrap, self), settings.startupTimeout());
            resources.push(() -> stop(reportsRunner));
            StreamsRunner inboundRunner = join(inboundStart);
            http.serve(new MessageLocator(reportsRunner.streams(), self));

            KafkaStreamsMetrics reportsMetrics = new KafkaStreamsMetrics(reportsRunner.streams(), Tags.of("application", "reports"));
            reportsMetrics.bindTo(registry);
            resources.push(reportsMetrics);
            KafkaStreamsMetrics inboundMetrics = new KafkaStreamsMetrics(inboundRunner.streams(), Tags.of("application", "inbound"));
            inboundMetrics.bindTo(registry);
            resources.push(inboundMetrics);

            WebhookPushers webhooks = WebhookPushers.start(settings, kafka, bootstrap, registry, clock);
            resources.push(webhooks);
            health.register("delivery-reports-streams", () -> status(reportsRunner))
                    .register("inbound-streams", () -> status(inboundRunner));
            webhooks.registerHealth(health);
            log.info("delivery tracker running: queries on port {}, {} webhook subscriber(s)", http.port(), webhooks.subscribers());
            return new DeliveryTrackerService(resources, http, health);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * Closes a Streams application leaving its group, so the instances that stay take its partitions (and the messages
     * waiting there) over at once instead of after the session timeout.
     */
    private static void stop(StreamsRunner runner) {
        runner.streams().close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        runner.close();
    }

    private static StreamsRunner join(CompletableFuture<StreamsRunner> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static HealthChecks.Status status(StreamsRunner runner) {
        return runner.isHealthy() ? HealthChecks.Status.up(runner.state()) : HealthChecks.Status.down(runner.state());
    }

    static Properties streamsProperties(KafkaEnvironment kafka, TrackerSettings settings, String application,
                                        List<Topic<?, ?>> inputs, String bootstrap, HostInfo self) {
        Map<String, Object> required = new HashMap<>();
        Properties chosen = settings.serviceConfig().kafkaClientProperties();
        trackerDefaults().forEach((key, value) -> {
            if (!chosen.containsKey(key)) {
                required.put(key, value);
            }
        });
        required.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        required.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDirectory().toString());
        required.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        required.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        required.put(DeadLetterHandler.TOPICS_CONFIG, inputs.stream().map(Topic::name).collect(Collectors.joining(",")));
        if (self != null) {
            required.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        }
        return kafka.streamsProperties(kafka.groupId(application), required);
    }

    /**
     * Streams settings the tracker chooses unless the user sets them ({@code kafka.<key>}).
     * <ul>
     *   <li>{@code max.task.idle.ms=-1}: a task of the first sub-topology reads two topics, and waiting to process
     *       them in timestamp order buys nothing here (both are only re-keyed; the matcher holds a receipt that
     *       comes before its submission). Kafka Streams 4.4 also formats a log line for every empty partition on
     *       every check unless idling is disabled, which was about a tenth of the stream thread's CPU.</li>
     * </ul>
     * The commit interval is Relay's (and Kafka Streams') exactly-once default of 100 ms. The tracker used 50 ms for
     * faster reports, but under load its stream thread then spent a third to a half of its time in commits (flushing
     * the producer, sending offsets, committing: stack samples in the end-to-end benchmark).
     */
    static Map<String, String> trackerDefaults() {
        return Map.of(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, String.valueOf(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED));
    }

    /** The port of the query API (and /health, /metrics). */
    public int httpPort() {
        return http.port();
    }

    public HealthChecks.Report health() {
        return health.report();
    }

    @Override
    public void close() {
        closeAll(resources);
        log.info("delivery tracker stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                log.warn("closing a part of the delivery tracker failed", e);
            }
        }
    }
}
