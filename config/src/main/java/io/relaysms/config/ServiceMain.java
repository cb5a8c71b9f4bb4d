package io.relaysms.config;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every main does alike, each service's and the platform's: take the configuration file named on the command line
 * (else the one {@code RELAY_CONFIG} names, else none), start the service, close it on SIGTERM or Ctrl-C, also during
 * its start. When the service cannot start, the first line this class writes to stderr says which service and why, and
 * the process exits, rather than a bare stack trace from the main thread, or a process kept alive by threads the failed
 * start had begun; a port already in use gets the settings that move it (a second instance on the same host needs
 * ports of its own). Exit code 2: a usage or configuration error; 1: any other failure to start.
 */
public final class ServiceMain {

    static final int USAGE_OR_CONFIGURATION = 2;
    static final int DID_NOT_START = 1;
    /** Longest a stop asked for during a start waits for it: a typical start takes seconds, Kubernetes grants 30. */
    static final Duration STOP_DURING_START_WAIT = Duration.ofSeconds(30);

    private ServiceMain() {
    }

    /** Where a main's settings come from: the file it was given or {@code RELAY_CONFIG} names, if any. */
    @FunctionalInterface
    public interface SettingsSource {
        RelaySettings read(Optional<Path> file);
    }

    /** The file's settings (none without a file) under the environment's {@code RELAY_*} overrides. */
    public static final SettingsSource FILE_AND_ENVIRONMENT = RelaySettings::load;

    /** Runs until the process is told to stop; never returns normally if the service cannot start. */
    public static <S extends AutoCloseable> void run(String service, String usage, List<String> portKeys, String[] args,
                                                     Function<RelaySettings, S> start, Consumer<S> announce)
            throws InterruptedException {
        run(service, usage, portKeys, args, FILE_AND_ENVIRONMENT, start, announce);
    }

    /**
     * As {@link #run(String, String, List, String[], Function, Consumer)}, with the settings from {@code settings}.
     * The shutdown hook is in place before the start: a SIGTERM or Ctrl-C during a start waits up to
     * {@link #STOP_DURING_START_WAIT} for it to end, then closes what it started, rather than the JVM cutting off a
     * half-started service (a broker's log not closed cleanly, Streams state not committed). A start that takes longer
     * (a cluster that cannot be reached) is cut off after that wait, as before; the JVM takes no second signal once
     * it is stopping, so the wait is bounded here.
     */
    public static <S extends AutoCloseable> void run(String service, String usage, List<String> portKeys, String[] args,
                                                     SettingsSource settings, Function<RelaySettings, S> start,
                                                     Consumer<S> announce) throws InterruptedException {
        CountDownLatch startEnded = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<S> running = new AtomicReference<>();
        // Guards the announcement: a stop either comes before it (and there is none) or waits for it to be printed.
        Object announcement = new Object();
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (announcement) {
                stopping.set(true);
            }
            try {
                if (startEnded.getCount() > 0) {
                    System.out.println("Stopping " + service + ": waiting up to " + DurationSetting.format(STOP_DURING_START_WAIT)
                            + " for its start to end, to stop what it started (kill -9 stops it at once)");
                    if (!awaitUninterruptibly(startEnded, STOP_DURING_START_WAIT)) {
                        System.err.println(service + " was still starting after " + DurationSetting.format(STOP_DURING_START_WAIT)
                                + ": stopped without closing what it had started");
                        return;
                    }
                } else if (running.get() != null) {
                    System.out.println("Stopping " + service + "...");
                }
                S toStop = running.get();
                if (toStop != null) {
                    toStop.close();
                }
            } catch (Exception e) {
                System.err.println(service + " did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, service + "-shutdown"));
        Started<S> started = new Started<>(Optional.empty(), DID_NOT_START);
        try {
            started = start(service, usage, portKeys, args, System.getenv(), settings, start, stopping::get, System.err);
        } catch (Throwable e) {
            // Thrown while a failure was being reported (an OutOfMemoryError, say): still exit, or threads the start
            // began would keep the process alive.
            e.printStackTrace();
        } finally {
            started.service().ifPresent(running::set);
            // Before any System.exit below: the shutdown hook waits for this.
            startEnded.countDown();
        }
        if (started.service().isEmpty()) {
            System.exit(started.exitCode());
            return;
        }
        synchronized (announcement) {
            if (!stopping.get()) {
                announce.accept(started.service().get());
            }
        }
        stopped.await();
    }

    /** Whether the latch opened within {@code limit}; an interrupt does not end the wait, which has no one to tell. */
    private static boolean awaitUninterruptibly(CountDownLatch latch, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return latch.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // keep waiting until the deadline
            }
        }
    }

    /** The running service, or the exit code after saying on {@code err} why there is none. */
    record Started<S>(Optional<S> service, int exitCode) {
    }

    static <S extends AutoCloseable> Started<S> start(String service, String usage, List<String> portKeys, String[] args,
                                                      Map<String, String> environment, SettingsSource settings,
                                                      Function<RelaySettings, S> start, BooleanSupplier stopRequested,
                                                      PrintStream err) {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
            err.println("usage: " + usage + " [config.yaml|config.properties]  (or RELAY_CONFIG=<file>)");
            return new Started<>(Optional.empty(), USAGE_OR_CONFIGURATION);
        }
        Optional<Path> file = args.length == 1 ? Optional.of(Path.of(args[0]))
                : Optional.ofNullable(environment.get("RELAY_CONFIG")).filter(name -> !name.isBlank()).map(Path::of);
        try {
            if (file.isPresent() && !Files.isRegularFile(file.get())) {
                throw new InvalidConfigurationException(List.of("configuration file not found: " + file.get().toAbsolutePath()));
            }
            return new Started<>(Optional.of(start.apply(settings.read(file))), 0);
        } catch (InvalidConfigurationException e) {
            err.println(service + ": " + e.getMessage());
            return new Started<>(Optional.empty(), USAGE_OR_CONFIGURATION);
        } catch (RuntimeException | Error e) {
            if (stopRequested.getAsBoolean()) {
                // A stop in the first moments of a start can fail it (Kafka refuses to register its own shutdown hooks
                // once the JVM is stopping): nothing was running yet, so this is a stop, not a failure to report.
                err.println(service + " stopped while starting (" + (e.getMessage() == null ? e : e.getMessage()) + ")");
                return new Started<>(Optional.empty(), DID_NOT_START);
            }
            // An Error too (a class missing from a hand-made classpath, say): left to escape main, it would leave the
            // threads the start had begun keeping the process alive.
            err.println(service + " did not start: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            Optional<String> portAdvice = PortAdvice.forFailure(service, portKeys, e);
            // A taken port's advice, or a failure that explains itself, says what to change; a stack trace would bury it.
            if (portAdvice.isPresent()) {
                err.println(portAdvice.get());
            } else if (!(e instanceof ExplainedFailure)) {
                e.printStackTrace(err);
            }
            return new Started<>(Optional.empty(), DID_NOT_START);
        }
    }
}
