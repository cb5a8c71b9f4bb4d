package io.relaysms.dispatcher;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.relaysms.config.DurationSetting;
import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import io.relaysms.deadletter.DeadLetterPublisher;
import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.dispatch.DispatchLoop;
import io.relaysms.dispatcher.dispatch.DispatchSettings;
import io.relaysms.dispatcher.dispatch.DispatcherMetrics;
import io.relaysms.dispatcher.http.HttpCallbackServer;
import io.relaysms.dispatcher.inbound.KafkaInboundSink;
import io.relaysms.dispatcher.optout.OptOutFollower;
import io.relaysms.dispatcher.optout.OptOutTable;
import io.relaysms.dispatcher.ratelimit.RateLimitPolicy;
import io.relaysms.dispatcher.routing.Router;
import io.relaysms.runtime.HealthChecks;
import io.relaysms.runtime.KafkaEnvironment;
import io.relaysms.runtime.OperationsServer;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dispatcher worker: consumes {@code sms-requests} in the dispatcher group, sends through the configured
 * carriers and records outcomes (see {@link DispatchLoop}); receives receipts and inbound messages on the same
 * SMPP sessions (and on the HTTP callback port for HTTP carriers); holds the opt-out table. Start-up makes sure
 * the topics exist and reads the whole opt-out table before anything is sent. {@link #close()} stops consuming,
 * finishes or abandons in-flight submits, commits, and then unbinds.
 */
public final class DispatcherService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DispatcherService.class);

    private final String workerId;
    private final PrometheusMeterRegistry registry;
    private final DispatcherMetrics metrics;
    private final HealthChecks health = new HealthChecks();
    private Producer<byte[], byte[]> inboundProducer;
    private CarrierConnections carriers;
    private OptOutFollower optOuts;
    private HttpCallbackServer callbacks;
    private DispatchLoop loop;
    private Thread loopThread;
    private OperationsServer operations;
    private Duration stopTimeout;

    private DispatcherService(String workerId) {
        this.workerId = workerId;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.metrics = new DispatcherMetrics(registry);
    }

    public static DispatcherService start(RelaySettings settings) {
        ServiceConfig config = DispatcherConfig.load(settings);
        RateLimitPolicy limits = checked(config);
        String workerId = config.getString(DispatcherConfig.WORKER_ID).isBlank() ? defaultWorkerId()
                : config.getString(DispatcherConfig.WORKER_ID);
        DispatcherService service = new DispatcherService(workerId);
        try {
            service.startUp(config, limits);
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /**
     * Reads the dispatcher's settings as {@link #start} does, without starting anything, so that a launcher can report
     * a mistake before it starts a broker.
     *
     * @throws io.relaysms.config.InvalidConfigurationException listing the problems
     */
    public static void checkConfiguration(RelaySettings settings) {
        checked(DispatcherConfig.load(settings));
    }

    /**
     * The rate limits, once they and every carrier's attributes were found valid: every problem at once, before the
     * start connects to Kafka (a carrier's attributes used to be read only after the topics and the opt-out table).
     */
    private static RateLimitPolicy checked(ServiceConfig config) {
        List<String> problems = new ArrayList<>();
        RateLimitPolicy limits = null;
        try {
            limits = RateLimitPolicy.from(config.withPrefix("number-types."), config.numbers().all());
        } catch (InvalidConfigurationException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(CarrierConnections.problems(config.carriers()));
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return limits;
    }

    private void startUp(ServiceConfig config, RateLimitPolicy limits) {
        Clock clock = Clock.systemUTC();
        Duration startupTimeout = DispatcherConfig.millis(config, DispatcherConfig.STARTUP_TIMEOUT_MS);
        KafkaEnvironment kafka = new KafkaEnvironment(config);
        kafka.ensureTopics(startupTimeout);
        String groupId = kafka.groupId(config.getString(DispatcherConfig.GROUP_ID));
        KafkaDispatchClients clients = new KafkaDispatchClients(kafka, groupId, workerId,
                config.getInt(DispatcherConfig.TRANSACTION_TIMEOUT_MS));

        inboundProducer = clients.inboundProducer();
        KafkaInboundSink sink = new KafkaInboundSink(inboundProducer, kafka.topics(),
                DispatcherConfig.millis(config, DispatcherConfig.INBOUND_ACK_TIMEOUT_MS));

        OptOutTable table = new OptOutTable();
        optOuts = new OptOutFollower(clients.optOutConsumerProperties(), kafka.topics().optOuts(), table,
                new DeadLetterPublisher(inboundProducer)).start();
        registry.gauge("dispatcher.optouts", table, OptOutTable::size);
        awaitOptOuts(startupTimeout);

        carriers = new CarrierConnections(config.carriers(), sink, clock);
        if (!carriers.httpCarriers().isEmpty()) {
            callbacks = HttpCallbackServer.start(config.getString(DispatcherConfig.CALLBACK_HOST),
                    config.getInt(DispatcherConfig.CALLBACK_PORT), carriers.httpCarriers(), sink, clock);
        }
        Router router = new Router(config.numbers(), carriers.byId(), limits);
        Duration grace = DispatcherConfig.millis(config, DispatcherConfig.SHUTDOWN_GRACE_MS);
        stopTimeout = grace.plusSeconds(30);
        DispatchSettings dispatch = DispatchSettings.of(workerId, config.getInt(DispatcherConfig.LANE_CAPACITY),
                config.getInt(DispatcherConfig.BUFFER_CAPACITY),
                DispatcherConfig.millis(config, DispatcherConfig.COMMIT_INTERVAL_MS), grace,
                DispatcherConfig.millis(config, DispatcherConfig.RETRY_INITIAL_MS),
                DispatcherConfig.millis(config, DispatcherConfig.RETRY_MAX_MS), config.getInt(DispatcherConfig.DEDUPE_CAPACITY));
        loop = new DispatchLoop(clients, kafka.topics(), router, table, new ArrayList<>(carriers.byId().values()),
                dispatch, metrics, clock);
        loopThread = new Thread(loop, "dispatch-loop");
        loopThread.start();

        health.register("kafka", () -> loop.isRunning() && optOuts.isRunning()
                ? HealthChecks.Status.up("dispatch loop running" + (loop.hasJoined() ? ", partitions assigned" : ", joining the group"))
                : HealthChecks.Status.down("dispatch loop or opt-out follower stopped"));
        for (CarrierConnection connection : carriers.byId().values()) {
            health.register("carrier." + connection.carrierId(), () -> connection.isAvailable()
                    ? HealthChecks.Status.up(connection.describeState()) : HealthChecks.Status.down(connection.describeState()));
        }
        operations = OperationsServer.start(config.getString(DispatcherConfig.OPERATIONS_HOST),
                config.getInt(DispatcherConfig.OPERATIONS_PORT), health, registry);
        log.info("dispatcher {} started: carriers {}, {} owned numbers, operations on port {}", workerId,
                carriers.byId().keySet(), config.numbers().all().size(), operations.port());
    }

    private void awaitOptOuts(Duration timeout) {
        try {
            if (!optOuts.awaitReady(timeout)) {
                throw new IllegalStateException("the opt-out table was not loaded within " + DurationSetting.format(timeout)
                        + "; nothing is sent before it is (is Kafka reachable?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the opt-out table", e);
        }
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "dispatcher";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String workerId() {
        return workerId;
    }

    public int operationsPort() {
        return operations.port();
    }

    public Optional<Integer> callbackPort() {
        return Optional.ofNullable(callbacks).map(HttpCallbackServer::port);
    }

    public HealthChecks health() {
        return health;
    }

    public DispatcherMetrics metrics() {
        return metrics;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Whether this worker has joined the group and been given its partitions. */
    public boolean hasJoinedGroup() {
        return loop != null && loop.hasJoined();
    }

    /** The live carrier connections by id, for health and tests of their state. */
    public Map<String, CarrierConnection> carriers() {
        return carriers == null ? Map.of() : Map.copyOf(carriers.byId());
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.stop(stopTimeout);
        }
        closeQuietly(optOuts);
        closeQuietly(carriers);
        closeQuietly(callbacks);
        if (inboundProducer != null) {
            closeQuietly(() -> inboundProducer.close(Duration.ofSeconds(10)));
        }
        closeQuietly(operations);
        log.info("dispatcher {} stopped", workerId);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("closing {}: {}", closeable, e.getMessage());
        }
    }
}
