package io.relaysms.dispatcher;

import io.relaysms.config.BindAddress;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The dispatcher's own keys ({@code dispatcher.*}), declared once. Numbers ({@code numbers.*}), their types'
 * limits ({@code number-types.*}) and carriers ({@code carriers.*}) are read from the shared families.
 */
public final class DispatcherConfig {

    public static final String NAMESPACE = "dispatcher";
    public static final String WORKER_ID = "dispatcher.worker.id";
    public static final String GROUP_ID = "dispatcher.group.id";
    public static final String OPERATIONS_HOST = "dispatcher.operations.host";
    public static final String OPERATIONS_PORT = "dispatcher.operations.port";
    public static final String CALLBACK_HOST = "dispatcher.callback.host";
    public static final String CALLBACK_PORT = "dispatcher.callback.port";
    /** Every port this service listens on, for the advice when one is taken. */
    public static final List<String> PORTS = List.of(OPERATIONS_PORT, CALLBACK_PORT);
    public static final String LANE_CAPACITY = "dispatcher.lane.capacity";
    public static final String BUFFER_CAPACITY = "dispatcher.buffer.capacity";
    public static final String COMMIT_INTERVAL_MS = "dispatcher.commit.interval.ms";
    public static final String TRANSACTION_TIMEOUT_MS = "dispatcher.transaction.timeout.ms";
    public static final String SHUTDOWN_GRACE_MS = "dispatcher.shutdown.grace.ms";
    public static final String RETRY_INITIAL_MS = "dispatcher.retry.initial.ms";
    public static final String RETRY_MAX_MS = "dispatcher.retry.max.ms";
    public static final String DEDUPE_CAPACITY = "dispatcher.dedupe.capacity";
    public static final String STARTUP_TIMEOUT_MS = "dispatcher.startup.timeout.ms";
    public static final String INBOUND_ACK_TIMEOUT_MS = "dispatcher.inbound.ack.timeout.ms";

    private DispatcherConfig() {
    }

    public static ConfigDef definition() {
        return new ConfigDef()
                .define(WORKER_ID, Type.STRING, "", Importance.MEDIUM,
                        "Name of this worker in dispatch events and its transactional.id; empty: host name plus a random suffix.")
                .define(GROUP_ID, Type.STRING, "relay-dispatcher", Importance.MEDIUM,
                        "Consumer group of the dispatcher workers (prefixed with topics.prefix).")
                .define(OPERATIONS_HOST, Type.STRING, "0.0.0.0", BindAddress.LOCAL, Importance.LOW, "Address of the /health and /metrics server.")
                .define(OPERATIONS_PORT, Type.INT, 8082, Range.between(0, 65535), Importance.MEDIUM,
                        "Port of the /health and /metrics server; 0 picks a free one.")
                .define(CALLBACK_HOST, Type.STRING, "0.0.0.0", BindAddress.LOCAL, Importance.LOW, "Address of the HTTP carriers' callback server.")
                .define(CALLBACK_PORT, Type.INT, 8083, Range.between(0, 65535), Importance.MEDIUM,
                        "Port HTTP carriers call back on (receipts, inbound); 0 picks a free one. Opened only when an HTTP carrier is configured.")
                .define(LANE_CAPACITY, Type.INT, 1000, Range.atLeast(1), Importance.MEDIUM,
                        "Messages buffered per sending number; when full its partition pauses until half of it is sent.")
                .define(BUFFER_CAPACITY, Type.INT, 200_000, Range.atLeast(1), Importance.MEDIUM,
                        "Messages buffered by the worker over all numbers before partitions pause.")
                .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, Range.between(1, 60_000), Importance.MEDIUM,
                        "How often dispatch events and offsets are committed in one transaction. Bounds the in-flight duplicate window.")
                .define(TRANSACTION_TIMEOUT_MS, Type.INT, 10_000, Range.between(1_000, 900_000), Importance.LOW,
                        "transaction.timeout.ms of the event producer: how long a dead worker's open transaction blocks its successor.")
                .define(SHUTDOWN_GRACE_MS, Type.LONG, 10_000L, Range.atLeast(0), Importance.MEDIUM,
                        "How long in-flight submits of a partition being given up are awaited before they are abandoned (and counted).")
                .define(RETRY_INITIAL_MS, Type.LONG, 500L, Range.atLeast(1), Importance.MEDIUM,
                        "First backoff after a transient carrier error; doubles per attempt.")
                .define(RETRY_MAX_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.MEDIUM, "Longest backoff between attempts.")
                .define(DEDUPE_CAPACITY, Type.INT, 200_000, Range.atLeast(1), Importance.LOW,
                        "Finished messageIds remembered to recognise a request written twice.")
                .define(STARTUP_TIMEOUT_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW,
                        "How long start-up waits for topics and the opt-out table before it fails.")
                .define(INBOUND_ACK_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.LOW,
                        "How long a receipt or inbound part waits for Kafka before the carrier is answered with an error.");
    }

    public static ServiceConfig load(RelaySettings settings) {
        return new ServiceConfig(NAMESPACE, definition(), settings);
    }

    static Duration millis(ServiceConfig config, String key) {
        return Duration.ofMillis(config.getLong(key));
    }
}
