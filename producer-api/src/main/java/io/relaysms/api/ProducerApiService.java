package io.relaysms.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.relaysms.api.auth.AccessKeys;
import io.relaysms.api.auth.AcsHmacAuthentication;
import io.relaysms.api.config.ApiSettings;
import io.relaysms.api.http.ApiServer;
import io.relaysms.api.kafka.TopicFollower;
import io.relaysms.api.numbers.OwnedSenders;
import io.relaysms.api.numbers.RecipientNumbers;
import io.relaysms.api.ops.OperationsRoutes;
import io.relaysms.api.optout.OptOutHandler;
import io.relaysms.api.optout.OptOutTable;
import io.relaysms.api.publish.TransactionalPublisher;
import io.relaysms.api.repeat.RecentRequests;
import io.relaysms.api.repeat.RepeatabilityCheck;
import io.relaysms.api.repeat.SmsRequestsFollower;
import io.relaysms.api.reports.DeliveryReportHandler;
import io.relaysms.api.send.MessageIdFactory;
import io.relaysms.api.send.SendMetrics;
import io.relaysms.api.send.SendSmsHandler;
import io.relaysms.api.send.SmsRecordFactory;
import io.relaysms.api.tls.TlsKeystore;
import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.runtime.HealthChecks;
import io.relaysms.runtime.KafkaEnvironment;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.SmsRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer API as a service: the ACS SMS REST API over HTTPS, in front of Kafka. {@link #start} reads the
 * {@code api.*} keys, makes sure the topics exist, loads the tables it answers from (recent repeatable requests from
 * {@code sms-requests}, opt-out state from {@code sms-optouts}), starts the transactional publisher and then the
 * server, so it serves nothing it cannot answer correctly. {@link #close()} stops them in reverse order. The same
 * class runs standalone ({@link ProducerApiMain}) and inside the all-in-one launcher.
 */
public final class ProducerApiService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProducerApiService.class);
    /** Parsed recipient numbers kept (about 200 bytes each, so some 20 MB at most). */
    private static final int RECIPIENT_NUMBERS_REMEMBERED = 100_000;

    private final Deque<AutoCloseable> resources;
    private final ApiServer server;
    private final AccessKeys keys;
    private final Optional<Path> certificate;
    private final HealthChecks health;
    private final PrometheusMeterRegistry metrics;

    private ProducerApiService(Deque<AutoCloseable> resources, ApiServer server, AccessKeys keys, Optional<Path> certificate,
                               HealthChecks health, PrometheusMeterRegistry metrics) {
        this.resources = resources;
        this.server = server;
        this.keys = keys;
        this.certificate = certificate;
        this.health = health;
        this.metrics = metrics;
    }

    /**
     * Reads the API's settings as {@link #start} does, without starting anything, so that a launcher can report a
     * mistake before it starts a broker.
     *
     * @throws InvalidConfigurationException listing the problems
     */
    public static void checkConfiguration(RelaySettings relaySettings) {
        ApiSettings settings = new ApiSettings(relaySettings);
        List<String> problems = new ArrayList<>(AccessKeys.problems(settings));
        if (!settings.httpsEnabled() && !settings.httpEnabled()) {
            problems.add(ApiSettings.HTTPS_ENABLED + " and " + ApiSettings.HTTP_ENABLED + " are both false: the API would listen nowhere");
        }
        if (settings.httpsEnabled() && settings.keystorePath().isPresent()) {
            try {
                TlsKeystore.fromUserKeystore(settings.keystorePath().get(), settings.keystoreType(), settings.keystorePassword());
            } catch (IllegalStateException e) {
                problems.add(ApiSettings.KEYSTORE_PATH + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    public static ProducerApiService start(RelaySettings relaySettings) {
        checkConfiguration(relaySettings);
        ApiSettings settings = new ApiSettings(relaySettings);
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            return start(settings, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static ProducerApiService start(ApiSettings settings, Deque<AutoCloseable> resources) {
        Clock clock = Clock.systemUTC();
        Duration startup = settings.startupTimeout();
        KafkaEnvironment kafka = new KafkaEnvironment(settings.serviceConfig());
        kafka.ensureTopics(startup);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        resources.push(metrics::close);
        AccessKeys keys = AccessKeys.from(settings);
        ObjectMapper json = new ObjectMapper();
        HealthChecks health = new HealthChecks();

        RecentRequests recent = new RecentRequests(settings.repeatabilityWindow(), settings.repeatabilityMaxEntries(), clock);
        TopicFollower<SmsRequest> requestsFollower = SmsRequestsFollower.start(kafka.topics().smsRequests(),
                kafka.consumerProperties("unused", Map.of()), recent, settings.repeatabilityWindow().plus(settings.clockSkew()),
                clock, startup);
        resources.push(requestsFollower);
        OptOutTable optOuts = new OptOutTable();
        TopicFollower<OptOutState> optOutFollower = TopicFollower.start("relay-api-optouts",
                kafka.consumerProperties("unused", Map.of()), kafka.topics().optOuts(), Optional.empty(), optOuts::apply, startup);
        resources.push(optOutFollower);

        String instance = settings.instanceId().orElseGet(() -> UUID.randomUUID().toString());
        TransactionalPublisher publisher = new TransactionalPublisher(kafka.producerProperties("relay-api", Map.of()),
                kafka.groupId("relay-api-" + instance), settings.publishLanes(), settings.publishTimeout(),
                settings.publishMaxBatchRecords(), metrics, startup);
        resources.push(publisher);

        health.register("publisher", () -> publisher.isHealthy() ? HealthChecks.Status.up(publisher.healthDetail())
                : HealthChecks.Status.down(publisher.healthDetail()));
        health.register("repeatability-table", () -> follower(requestsFollower, "ids remembered: " + recent.size()));
        health.register("optout-table", () -> follower(optOutFollower, "opted-out pairs: " + optOuts.size()));

        OwnedSenders senders = new OwnedSenders(settings.serviceConfig().numbers());
        if (settings.serviceConfig().numbers().isEmpty()) {
            log.warn("no numbers.* are configured: every send will be refused (401 SenderNotOwned)");
        }
        SendSmsHandler send = new SendSmsHandler(json, senders, new RecipientNumbers(RECIPIENT_NUMBERS_REMEMBERED),
                new RepeatabilityCheck(recent, settings.repeatabilityWindow(), settings.clockSkew(), clock), recent,
                new MessageIdFactory(clock), new SmsRecordFactory(kafka.topics().smsRequests(), settings.defaultValidity()),
                publisher, new SendMetrics(metrics), clock, settings.retryAfterSeconds());
        OptOutHandler optOut = new OptOutHandler(json, senders, optOuts, kafka.topics().optOutCommands(), publisher, clock,
                settings.optOutApplyTimeout(), settings.retryAfterSeconds());
        DeliveryReportHandler reports = new DeliveryReportHandler(settings.deliveryReportsUrls(),
                settings.deliveryReportsTimeout(), settings.retryAfterSeconds());
        OperationsRoutes operations = new OperationsRoutes(health, metrics);

        Optional<TlsKeystore> tls = settings.httpsEnabled() ? Optional.of(TlsKeystore.load(settings, clock)) : Optional.empty();
        AcsHmacAuthentication authentication = new AcsHmacAuthentication(keys, settings.clockSkew(), clock,
                Set.of("/health", "/metrics", "/openapi.json"));
        ApiServer server = ApiServer.start(
                new ApiServer.Listeners(settings.bindAddress(), tls, settings.httpsPort(), settings.httpEnabled(), settings.httpPort()),
                settings.maxBodyBytes(), authentication,
                new ApiServer.Routes(send, optOut::add, optOut::remove, optOut::check, reports, operations::health,
                        operations::metrics, operations::openApi), json);
        resources.push(server);
        ProducerApiService service = new ProducerApiService(resources, server, keys,
                tls.flatMap(TlsKeystore::certificatePem), health, metrics);
        log.info("producer API serving on {}{} ({} owned numbers, {} repeatability ids and {} opt-outs loaded)",
                server.httpsPort().isPresent() ? "https port " + server.httpsPort().getAsInt() : "",
                server.httpPort().isPresent() ? " http port " + server.httpPort().getAsInt() : "",
                settings.serviceConfig().numbers().all().size(), recent.size(), optOuts.size());
        return service;
    }

    private static HealthChecks.Status follower(TopicFollower<?> follower, String detail) {
        return follower.isHealthy() ? HealthChecks.Status.up(detail)
                : HealthChecks.Status.down("stopped following its topic: " + follower.failure().map(Throwable::getMessage).orElse("closed"));
    }

    public OptionalInt httpsPort() {
        return server.httpsPort();
    }

    public OptionalInt httpPort() {
        return server.httpPort();
    }

    /**
     * What a client puts in its ACS connection string: {@code endpoint=https://127.0.0.1:<port>/;accesskey=<primary>}
     * (http only when HTTPS is off). It holds the primary key: hand it to the user, never to a log.
     */
    public String connectionString() {
        String endpoint = httpsPort().isPresent() ? "https://127.0.0.1:" + httpsPort().getAsInt() + "/"
                : "http://127.0.0.1:" + httpPort().getAsInt() + "/";
        return "endpoint=" + endpoint + ";accesskey=" + keys.primary().base64();
    }

    /** The generated self-signed certificate (PEM) clients must trust; empty with a user keystore or without HTTPS. */
    public Optional<Path> certificatePath() {
        return certificate;
    }

    public HealthChecks health() {
        return health;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    @Override
    public void close() {
        closeAll(resources);
        log.info("producer API stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                log.warn("while stopping the producer API: {}", e.getMessage());
            }
        }
    }
}
