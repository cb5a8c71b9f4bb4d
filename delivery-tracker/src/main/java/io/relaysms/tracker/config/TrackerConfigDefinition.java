package io.relaysms.tracker.config;

import io.relaysms.config.BindAddress;
import io.relaysms.config.DurationSetting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/**
 * Every {@code tracker.*} key, declared once with type, default, validation and doc. Webhook subscriptions
 * ({@code webhooks.<name>.*}) and the tracker's per-carrier attributes ({@code carriers.<id>.submit-id-format},
 * {@code .receipt-id-format}, {@code .inbound-gsm7-packing}) are families checked by their own parsers.
 */
public final class TrackerConfigDefinition {

    public static final String NAMESPACE = "tracker";

    public static final String HTTP_HOST = "tracker.http.host";
    public static final String HTTP_PORT = "tracker.http.port";
    /** Every port this service listens on, for the advice when one is taken. */
    public static final List<String> PORTS = List.of(HTTP_PORT);
    public static final String HTTP_ADVERTISED_HOST = "tracker.http.advertised-host";
    public static final String REMOTE_QUERY_TIMEOUT = "tracker.http.remote-query-timeout";
    public static final String STATE_DIR = "tracker.state-dir";
    public static final String STREAM_THREADS = "tracker.stream-threads";
    public static final String STATE_STORES = "tracker.state-stores";
    public static final String STARTUP_TIMEOUT = "tracker.startup-timeout";
    public static final String REPORT_TIMEOUT_DEFAULT = "tracker.report-timeout.default";
    public static final String UNMATCHED_RECEIPT_RETENTION = "tracker.unmatched-receipt-retention";
    public static final String HISTORY_RETENTION = "tracker.history-retention";
    public static final String PUNCTUATION_INTERVAL = "tracker.punctuation-interval";
    public static final String REASSEMBLY_TIMEOUT = "tracker.inbound.reassembly-timeout";
    public static final String WEBHOOK_INITIAL_BACKOFF = "tracker.webhooks.initial-backoff";
    public static final String WEBHOOK_MAX_BACKOFF = "tracker.webhooks.max-backoff";
    public static final String WEBHOOK_GIVE_UP_AFTER = "tracker.webhooks.give-up-after";
    public static final String WEBHOOK_REQUEST_TIMEOUT = "tracker.webhooks.request-timeout";
    public static final String WEBHOOK_MAX_IN_FLIGHT = "tracker.webhooks.max-in-flight";
    public static final String WEBHOOK_SOURCE = "tracker.webhooks.source";
    public static final String WEBHOOK_NEW_SUBSCRIBER_START = "tracker.webhooks.new-subscriber-start";

    /** AWS End User Messaging waits 72 hours for a carrier receipt; waiting less reports late deliveries as failures. */
    public static final Duration CARRIER_RECEIPT_WINDOW = Duration.ofHours(72);

    private static final Range PORT = Range.between(0, 65535);

    private TrackerConfigDefinition() {
    }

    public static ConfigDef definition() {
        DurationSetting positive = DurationSetting.atLeast(Duration.ofMillis(1));
        return new ConfigDef()
                .define(HTTP_HOST, Type.STRING, "0.0.0.0", BindAddress.LOCAL, Importance.MEDIUM,
                        "Interface of the query API (/deliveryReports, /messages/{id}/timeline, /health, /metrics).")
                .define(HTTP_PORT, Type.INT, 8086, PORT, Importance.HIGH, "Port of the query API; 0 picks a free one.")
                .define(HTTP_ADVERTISED_HOST, Type.STRING, "localhost", Importance.MEDIUM,
                        "Host name other tracker instances reach this one at; with the port it becomes the Streams "
                                + "application.server, so a query for a message held by another instance is forwarded there.")
                .define(REMOTE_QUERY_TIMEOUT, Type.STRING, "5s", positive, Importance.LOW,
                        "How long a query forwarded to another instance may take.")
                .define(STATE_DIR, Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "relay-delivery-tracker").toString(),
                        Importance.HIGH, "Folder of the Kafka Streams state stores (RocksDB). The stores are rebuilt from their "
                                + "changelog topics when it is lost, so it needs to be fast, not durable.")
                .define(STATE_STORES, Type.STRING, "rocksdb", ValidString.in("rocksdb", "in-memory"), Importance.MEDIUM,
                        "rocksdb: state may exceed the heap and restores incrementally, but is flushed to disk at every "
                                + "commit; in-memory: no flushes, state must fit in the heap and is restored whole from the "
                                + "changelogs at start-up. Both are changelogged: a restart loses nothing.")
                .define(STREAM_THREADS, Type.INT, 1, Range.between(1, 64), Importance.MEDIUM,
                        "Stream threads of each of the two Streams applications (reports, inbound).")
                .define(STARTUP_TIMEOUT, Type.STRING, "60s", positive, Importance.LOW,
                        "How long start-up waits for the Streams applications to reach RUNNING before failing.")
                .define(REPORT_TIMEOUT_DEFAULT, Type.STRING, CARRIER_RECEIPT_WINDOW.toHours() + "h", DurationSetting.atLeast(Duration.ofSeconds(1)), Importance.HIGH,
                        "How long to wait for a carrier receipt after the carrier accepted a message before reporting it Failed "
                                + "(reason RECEIPT_TIMEOUT), for messages sent without deliveryReportTimeoutInSeconds. Also how long a "
                                + "message may stay THROTTLED or RETRYING past its validity before it is reported failed.")
                .define(UNMATCHED_RECEIPT_RETENTION, Type.STRING, "72h", positive, Importance.MEDIUM,
                        "How long a receipt whose message is not known yet is held for its dispatch event (receipts can overtake "
                                + "it). After that it goes to carrier-receipts-dlq, with the reason in the headers.")
                .define(HISTORY_RETENTION, Type.STRING, "7d", positive, Importance.MEDIUM,
                        "How long a message's timeline and report stay queryable after its report, and how long a carrier "
                                + "message id stays matchable (duplicate and late receipts are recorded, not reported twice).")
                .define(PUNCTUATION_INTERVAL, Type.STRING, "1s", positive, Importance.LOW,
                        "How often (wall-clock) due timeouts, reassembly deadlines and expired state are looked for.")
                .define(REASSEMBLY_TIMEOUT, Type.STRING, "10m", positive, Importance.MEDIUM,
                        "How long the parts of a concatenated inbound message are waited for; then what arrived is published "
                                + "alone, marked complete=false.")
                .define(WEBHOOK_INITIAL_BACKOFF, Type.STRING, "10s", positive, Importance.LOW,
                        "Wait before the first retry of a failed webhook delivery; each retry doubles it.")
                .define(WEBHOOK_MAX_BACKOFF, Type.STRING, "1h", positive, Importance.LOW, "Longest wait between two retries.")
                .define(WEBHOOK_GIVE_UP_AFTER, Type.STRING, "24h", positive, Importance.MEDIUM,
                        "An event not delivered this long after it was written goes to sms-webhook-dead-letters.")
                .define(WEBHOOK_REQUEST_TIMEOUT, Type.STRING, "10s", positive, Importance.LOW,
                        "How long one webhook POST may take before it counts as failed.")
                .define(WEBHOOK_MAX_IN_FLIGHT, Type.INT, 256, Range.atLeast(1), Importance.LOW,
                        "Events of one subscriber being delivered or waiting for a retry; beyond it that subscriber's "
                                + "consumer pauses (and only that one).")
                .define(WEBHOOK_SOURCE, Type.STRING, "/relay/sms", Importance.LOW,
                        "CloudEvents 'source' of pushed events (ACS puts its resource id there).")
                .define(WEBHOOK_NEW_SUBSCRIBER_START, Type.STRING, "latest", ValidString.in("latest", "earliest"), Importance.LOW,
                        "Where a subscriber seen for the first time starts reading: latest (events from now on, as a new "
                                + "Event Grid subscription) or earliest (everything still in the topics).");
    }
}
