package io.relaysms.optout;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.optout.query.QueryServer;
import io.relaysms.optout.query.StreamsAccess;
import io.relaysms.optout.streams.DeadLetterRouting;
import io.relaysms.optout.streams.OptOutProcessorTopology;
import io.relaysms.optout.usage.UsageSettings;
import io.relaysms.runtime.HealthChecks;
import io.relaysms.runtime.KafkaEnvironment;
import io.relaysms.runtime.StreamsRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-out processor: one Kafka Streams application (exactly-once v2) deriving opt-out state, automatic
 * replies and usage aggregates from the event topics, and an HTTP server for its queries, health and metrics.
 *
 * <p>Start-up: validate {@code optout.*}, {@code usage.*} and the numbers' {@code optout.*} attributes (all
 * problems at once), make sure the topics exist, open the HTTP port (its address is the application's
 * {@code application.server}, so instances can redirect queries to each other), then start the application and
 * wait until it runs. {@link #close()} stops both.
 */
public final class OptOutProcessorService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OptOutProcessorService.class);

    private final QueryServer http;
    private final StreamsRunner streams;
    private final HealthChecks health;
    private final PrometheusMeterRegistry metrics;
    private final KafkaStreamsMetrics streamsMetrics;

    private OptOutProcessorService(QueryServer http, StreamsRunner streams, HealthChecks health, PrometheusMeterRegistry metrics,
                                   KafkaStreamsMetrics streamsMetrics) {
        this.http = http;
        this.streams = streams;
        this.health = health;
        this.metrics = metrics;
        this.streamsMetrics = streamsMetrics;
    }

    /**
     * Reads the opt-out processor's settings as {@link #start} does, without starting anything, so that a launcher can
     * report a mistake before it starts a broker.
     *
     * @throws InvalidConfigurationException listing the problems of both the opt-out and the usage settings
     */
    public static void checkConfiguration(RelaySettings settings) {
        List<String> problems = new ArrayList<>();
        for (Consumer<RelaySettings> read : List.<Consumer<RelaySettings>>of(OptOutSettings::from, UsageSettings::from)) {
            try {
                read.accept(settings);
            } catch (InvalidConfigurationException e) {
                e.problems().stream().filter(problem -> !problems.contains(problem)).forEach(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    public static OptOutProcessorService start(RelaySettings settings) {
        OptOutSettings optOut = OptOutSettings.from(settings);
        UsageSettings usage = UsageSettings.from(settings);
        KafkaEnvironment kafka = new KafkaEnvironment(optOut.config());
        kafka.ensureTopics(optOut.startupTimeout());

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HealthChecks health = new HealthChecks();
        StreamsAccess access = new StreamsAccess();
        Clock clock = Clock.systemUTC();
        QueryServer http = QueryServer.start(optOut.httpHost(), optOut.httpPort(), access, health, metrics, clock);
        HostInfo self = new HostInfo(optOut.advertisedHost(), http.port());
        StreamsRunner streams;
        try {
            health.register("streams", () -> HealthChecks.Status.down("starting"));
            Map<String, Object> required = new HashMap<>();
            required.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
            required.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, optOut.threads());
            required.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterRouting.class.getName());
            required.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterRouting.class.getName());
            required.put("processing.exception.handler.global.enabled", "true"); // no global stores; silences a start-up warning
            // Unless the user chooses (kafka.max.task.idle.ms): no idling. Kafka Streams formats a log line for every
            // empty partition of a task on every processing check unless idling is disabled, and a task here reads
            // five topics (a JFR profile under bulk load: a sixth of the stream thread). Waiting for timestamp order
            // across them buys nothing: usage windows take late events within their grace, and the opt-out rules
            // order a pair's events by their own time, ignoring one older than the newest applied (OptOutTransition).
            if (!optOut.config().kafkaClientProperties().containsKey(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)) {
                required.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, String.valueOf(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED));
            }
            if (!optOut.stateDir().isBlank()) {
                required.put(StreamsConfig.STATE_DIR_CONFIG, optOut.stateDir());
            }
            var topology = new OptOutProcessorTopology(kafka.topics(), optOut, usage, metrics, clock).build();
            streams = StreamsRunner.start("optout-processor", topology,
                    kafka.streamsProperties(kafka.groupId(optOut.applicationId()), required), optOut.startupTimeout());
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        StreamsRunner running = streams;
        health.register("streams", () -> running.isHealthy()
                ? HealthChecks.Status.up(running.state()) : HealthChecks.Status.down(running.state()));
        access.attach(streams.streams(), self);
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams.streams());
        streamsMetrics.bindTo(metrics);
        log.info("opt-out processor running; queries, /health and /metrics on port {}", http.port());
        return new OptOutProcessorService(http, streams, health, metrics, streamsMetrics);
    }

    /** The HTTP port (the configured one, or the one picked when configured 0). */
    public int httpPort() {
        return http.port();
    }

    public HealthChecks.Report health() {
        return health.report();
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    @Override
    public void close() {
        streamsMetrics.close();
        // Leave the group on a deliberate shutdown: the partitions then move at once to another instance (or to
        // this one restarted) instead of after the session timeout; Streams by default stays, to spare rolling
        // restarts a rebalance, which here would hold opt-outs back for up to 45 s.
        streams.streams().close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        streams.close();
        http.close();
        metrics.close();
        log.info("opt-out processor stopped");
    }
}
