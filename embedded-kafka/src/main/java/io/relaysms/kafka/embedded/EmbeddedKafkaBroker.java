package io.relaysms.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from Kafka's own
 * server class rather than a container. Used by the platform launcher on the embedded default and by every
 * integration test.
 *
 * <p>Lifecycle: {@link #start()} formats the data folder on first use (so a persistent folder survives
 * restarts), binds the listeners and returns once the broker is serving; {@link #stop()} shuts it down and
 * waits; {@link #start()} may be called again with the same ports and data (the fault tests stop a broker
 * under load and bring it back); {@link #close()} stops it and deletes a temporary folder.
 *
 * <p>While it runs, a {@link HangingTransactionRepair} writes the transaction markers Kafka 4.4 skips when a single
 * node shuts down mid-commit; without them a partition would hold back read_committed consumers for good.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;

    private final Path dataDirectory;
    private final boolean temporary;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private final Duration hangingTransactionScanInterval;
    private KafkaRaftServer server;
    private HangingTransactionRepair hangingTransactionRepair;

    private EmbeddedKafkaBroker(Builder builder) {
        try {
            this.temporary = builder.dataDirectory == null;
            this.dataDirectory = temporary ? Files.createTempDirectory("relay-kafka-") : builder.dataDirectory;
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's data folder", e);
        }
        this.brokerPort = builder.port != 0 ? builder.port
                : builder.controllerPort != 0 ? FreePorts.pickOtherThan(builder.controllerPort) : FreePorts.pick();
        this.controllerPort = builder.controllerPort != 0 ? builder.controllerPort : FreePorts.pickOtherThan(brokerPort);
        this.overrides = Map.copyOf(builder.overrides);
        this.hangingTransactionScanInterval = builder.hangingTransactionScanInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Formats the data folder if it is new, then starts the broker and controller. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        FreePorts.requireFree(brokerPort, "Kafka broker");
        FreePorts.requireFree(controllerPort, "Kafka controller");
        long begin = System.nanoTime();
        Properties properties = brokerProperties();
        formatIfNew(properties);
        KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        started.startup();
        server = started;
        if (!hangingTransactionScanInterval.isZero()) {
            hangingTransactionRepair = new HangingTransactionRepair(new InetSocketAddress("127.0.0.1", brokerPort), Duration.ofSeconds(10))
                    .scanEvery(hangingTransactionScanInterval);
        }
        log.info("Kafka broker serving at {} (data in {}) after {} ms", bootstrapServers(), dataDirectory,
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
        return this;
    }

    /** Shuts the broker down and waits for it; the data folder stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        if (hangingTransactionRepair != null) {
            hangingTransactionRepair.close();
            hangingTransactionRepair = null;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
        if (temporary) {
            DataDirectories.deleteRecursively(dataDirectory);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public int port() {
        return brokerPort;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private Properties brokerProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDirectory.resolve("log").toString());
        // One node: every internal topic has a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions load faster; one node gains nothing from fifty.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner's 128 MiB default dedupe buffer would dominate the heap of a small platform.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        // A transactional producer's first write to a partition after a commit is refused (CONCURRENT_TRANSACTIONS)
        // until the commit's markers are written. The broker retries that itself for up to this long, every 20 ms; by
        // default 100 ms, after which the producer backs off 100 ms or more, and the batches it had pipelined behind
        // the refused one fail out of sequence and back off too. On a broker sharing two cores with the whole
        // platform, markers took longer than 100 ms often: 169 such retries in one run of the end-to-end benchmark,
        // each stalling the next commit of the API, the tracker or the opt-out processor.
        p.put("add.partitions.to.txn.retry.backoff.max.ms", "2000");
        // Topics are created explicitly by the topic catalogue, so a typo fails instead of creating a topic.
        p.put("auto.create.topics.enable", "false");
        p.putAll(overrides);
        Properties properties = new Properties();
        properties.putAll(p);
        return properties;
    }

    private void formatIfNew(Properties properties) {
        Path marker = dataDirectory.resolve("log").resolve("meta.properties");
        if (Files.exists(marker)) {
            return;
        }
        Path configFile = dataDirectory.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(configFile)) {
            properties.store(writer, "written by Relay's embedded broker");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        int exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("formatting " + dataDirectory + " failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** How to build a broker: defaults are ephemeral ports and a temporary folder. */
    public static final class Builder {
        private Path dataDirectory;
        private int port;
        private int controllerPort;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Duration hangingTransactionScanInterval = Duration.ofSeconds(5);

        /** A persistent data folder; without one, a temporary folder is used and deleted on close. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /** The client listener's port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** Any broker setting, above the defaults of this class. */
        public Builder brokerProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /**
         * How often to look for transactions this broker left hanging and write their missing markers
         * ({@link HangingTransactions}); zero turns the repair off. Five seconds by default.
         */
        public Builder hangingTransactionScanInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("the scan interval for hanging transactions cannot be negative: " + interval);
            }
            this.hangingTransactionScanInterval = interval;
            return this;
        }

        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }
    }
}
