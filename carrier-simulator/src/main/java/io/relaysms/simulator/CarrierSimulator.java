package io.relaysms.simulator;

import io.micrometer.core.instrument.MeterRegistry;
import io.relaysms.config.ServiceConfig;
import io.relaysms.simulator.admin.AdminServer;
import io.relaysms.simulator.behaviour.BehaviourParser;
import io.relaysms.simulator.behaviour.BehaviourRule;
import io.relaysms.simulator.behaviour.CommandStatuses;
import io.relaysms.simulator.behaviour.RandomSource;
import io.relaysms.simulator.behaviour.RuleBook;
import io.relaysms.simulator.delivery.Backlog;
import io.relaysms.simulator.delivery.DeliveryQueues;
import io.relaysms.simulator.delivery.ReceiptFactory;
import io.relaysms.simulator.handset.HandsetReplies;
import io.relaysms.simulator.ids.MessageIdGenerator;
import io.relaysms.simulator.metrics.SimulatorMetrics;
import io.relaysms.simulator.mo.MoInjection;
import io.relaysms.simulator.mo.MoInjector;
import io.relaysms.simulator.mo.MoRequest;
import io.relaysms.simulator.mo.SenderAccounts;
import io.relaysms.simulator.record.Submission;
import io.relaysms.simulator.record.SubmissionLog;
import io.relaysms.simulator.record.SubmissionQuery;
import io.relaysms.simulator.record.SubmissionStats;
import io.relaysms.simulator.smpp.Account;
import io.relaysms.simulator.smpp.BoundSession;
import io.relaysms.simulator.smpp.SessionRegistry;
import io.relaysms.simulator.smpp.SmppServer;
import io.relaysms.simulator.smpp.SubmitHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running carrier: an SMPP 3.4 SMSC plus its admin HTTP API, for tests, the platform launcher and the
 * standalone jar. Everything the admin API does is here as Java too: the record of received submits, MO
 * injection, behaviour rules changed at runtime, dropping or refusing binds, the delivery backlog.
 * {@link #close()} unbinds every session and stops every thread it started.
 *
 * <pre>
 * try (CarrierSimulator carrier = CarrierSimulator.start(SimulatorSettings.of(Map.of(
 *         "simulator.smpp.port", "0", "simulator.admin.port", "0")))) {
 *     // bind to localhost:carrier.smppPort() as relay/relay ...
 *     carrier.putRule("throttle-all", Map.of("submit-error.status", "ESME_RTHROTTLED"));
 * }
 * </pre>
 */
public final class CarrierSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierSimulator.class);

    private final SimulatorSettings settings;
    private final SimulatorMetrics metrics = new SimulatorMetrics();
    private final SessionRegistry sessions = new SessionRegistry();
    private final SubmissionLog log;
    private final RuleBook rules;
    private final DeliveryQueues deliveries;
    private final MoInjector mo;
    private final SmppServer smpp;
    private final AdminServer admin;

    private CarrierSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        CommandStatuses statuses = new CommandStatuses();
        RandomSource random = new RandomSource(settings.seed());
        this.log = new SubmissionLog(settings.recordCapacity());
        List<String> problems = new ArrayList<>();
        this.rules = new RuleBook(new BehaviourParser(statuses), settings.globalBehaviour(), settings.rules(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid rules: " + problems);
        }
        this.deliveries = new DeliveryQueues(settings.accounts().all().stream().map(Account::systemId).toList(),
                settings.deliveryQueueCapacity(), settings.deliveryThreadsPerAccount(), settings.deliveryMaxAttempts(),
                sessions, metrics);
        SenderAccounts senders = new SenderAccounts();
        this.mo = new MoInjector(deliveries, sessions, senders, settings.ownedNumbers(), settings.moDefaultSystemId());
        Fulfilment fulfilment = new Fulfilment(random, new ReceiptFactory(settings.receiptIdFormat()), deliveries,
                new HandsetReplies(settings.handsets(), random), mo, senders, metrics, clock);
        SubmitHandler submits = new SubmitHandler(sessions, rules, random, MessageIdGenerator.startingFrom(random.seed()),
                settings.responseIdFormat(), log, statuses, metrics, clock, fulfilment);
        try {
            this.smpp = new SmppServer(settings.smpp(), settings.accounts(), sessions, submits, metrics, statuses, clock);
        } catch (IOException | RuntimeException e) {
            deliveries.close();
            throw e;
        }
        try {
            this.admin = AdminServer.start(this, settings.adminHost(), settings.adminPort());
        } catch (RuntimeException e) {
            smpp.close();
            deliveries.close();
            throw e;
        }
        LOG.info("carrier simulator listening: SMPP {}:{}, admin {}", settings.smpp().host(), smppPort(), adminUri());
    }

    /** Starts a simulator; ports 0 in the settings pick free ones, see {@link #smppPort()}, {@link #adminPort()}. */
    public static CarrierSimulator start(SimulatorSettings settings) {
        try {
            return new CarrierSimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on SMPP " + settings.smpp().host() + ":" + settings.smpp().port(), e);
        }
    }

    public static CarrierSimulator start(ServiceConfig config) {
        return start(SimulatorSettings.from(config));
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public String smppHost() {
        return settings.smpp().host();
    }

    public int smppPort() {
        return smpp.port();
    }

    public int adminPort() {
        return admin.port();
    }

    public URI adminUri() {
        return URI.create("http://" + settings.adminHost() + ":" + admin.port());
    }

    /** Every submit received (accepted or not), oldest first. */
    public List<Submission> submissions() {
        return log.find(SubmissionQuery.ALL);
    }

    public List<Submission> submissions(SubmissionQuery query) {
        return log.find(query);
    }

    public void clearSubmissions() {
        log.clear();
    }

    public SubmissionStats stats(SubmissionQuery query) {
        return SubmissionStats.of(log.find(query), log.evicted());
    }

    /** Injects an MO now. Throws {@code InvalidMoException} or {@code MoQueueFullException}. */
    public MoInjection injectMo(MoRequest request) {
        return mo.inject(request, 0);
    }

    /** Adds or replaces a behaviour rule (same keys as {@code simulator.rules.<name>.*}). */
    public BehaviourRule putRule(String name, Map<String, String> settings) {
        BehaviourRule rule = rules.put(name, settings);
        LOG.info("rule {} set: {}", name, settings);
        return rule;
    }

    public boolean removeRule(String name) {
        return rules.remove(name);
    }

    /** The rules in the order they are tried; the global behaviour applies when none matches. */
    public RuleBook rules() {
        return rules;
    }

    public List<BoundSession> binds() {
        return sessions.all();
    }

    /** Ends every bind now: with an unbind, or by dropping the TCP connection as a network failure does. */
    public int dropBinds(boolean unbindFirst) {
        int dropped = smpp.dropBinds(unbindFirst);
        LOG.info("dropped {} binds ({})", dropped, unbindFirst ? "unbind" : "connection closed");
        return dropped;
    }

    /** Refuses new binds with ESME_RBINDFAIL (false) until allowed again (true). */
    public void acceptBinds(boolean accepting) {
        smpp.acceptBinds(accepting);
    }

    public boolean acceptingBinds() {
        return smpp.acceptingBinds();
    }

    /** Receipts and MOs per account: waiting for their time, waiting for a receiver, sent, lost. */
    public List<Backlog> deliveries() {
        return deliveries.backlogs();
    }

    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    public String scrapeMetrics() {
        return metrics.scrape();
    }

    @Override
    public void close() {
        admin.close();
        smpp.close();
        deliveries.close();
        metrics.close();
        LOG.info("carrier simulator stopped");
    }
}
