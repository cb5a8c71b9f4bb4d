package io.relaysms.runtime;

import io.relaysms.config.DurationSetting;
import io.relaysms.topics.ClusterRefusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the lifecycle of one Kafka Streams application: starts it, waits until it is RUNNING within a deadline
 * and fails loudly otherwise, replaces a stream thread that died (and counts it), and closes it. Topologies are
 * built elsewhere, by classes that only build.
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private final KafkaStreams streams;
    private final String name;
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();

    private StreamsRunner(String name, KafkaStreams streams) {
        this.name = name;
        this.streams = streams;
    }

    public static StreamsRunner start(String name, Topology topology, Properties properties, Duration readyTimeout) {
        createStateDirectory(properties);
        KafkaStreams streams = new KafkaStreams(topology, properties);
        StreamsRunner runner = new StreamsRunner(name, streams);
        CountDownLatch settled = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            log.info("{}: {} -> {}", name, before, now);
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR) {
                settled.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(error -> {
            runner.lastFailure.set(error);
            // Before the first RUNNING, a refused login or a missing grant fails every replacement thread alike (with
            // a stack trace each, thousands a minute): stop, and let the start fail now, saying which setting to fix.
            if (settled.getCount() > 0 && ClusterRefusal.isRefusal(error)) {
                log.error("{}: {}", name, ClusterRefusal.explain(error, String.valueOf(error)));
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            log.error("{}: a stream thread failed and is replaced", name, error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        try {
            if (!settled.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS) || streams.state() != KafkaStreams.State.RUNNING) {
                KafkaStreams.State state = streams.state();
                streams.close(Duration.ofSeconds(10));
                Throwable failure = runner.lastFailure.get();
                String why = failure == null ? "" : ClusterRefusal.explain(failure, String.valueOf(failure));
                throw new IllegalStateException(state == KafkaStreams.State.ERROR && failure != null
                        ? name + " stopped before it was running: " + why
                        : name + " did not reach RUNNING within " + DurationSetting.format(readyTimeout) + " (state " + state
                                + (failure == null ? "" : ", last failure: " + why) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.close(Duration.ofSeconds(10));
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
        return runner;
    }

    /**
     * Kafka Streams creates its state folder itself, but two applications starting at once under a parent that does not
     * exist yet race on the parent and one fails with "base state directory couldn't be created".
     */
    private static void createStateDirectory(Properties properties) {
        Object stateDir = properties.get(StreamsConfig.STATE_DIR_CONFIG);
        if (stateDir == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(stateDir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + stateDir, e);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Healthy while RUNNING or rebalancing; anything else (ERROR, shutting down) is unhealthy. */
    public boolean isHealthy() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    public String state() {
        return streams.state().name();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        log.info("{}: closed", name);
    }
}
