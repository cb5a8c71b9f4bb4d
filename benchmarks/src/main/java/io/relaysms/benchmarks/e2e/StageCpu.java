package io.relaysms.benchmarks.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The platform's CPU over a phase, by thread group (Java thread names with numbers and ids folded) and by stage of the
 * pipeline. Threads are attributed to a stage by name; jSMPP names its threads without saying which side of the SMPP
 * link they serve, so the dispatcher's and the simulator's SMPP transport threads are one group.
 */
final class StageCpu {

    private record Stage(String name, Pattern threads) {
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("API (HTTPS, HMAC, validation, publish)",
                    Pattern.compile("^(JettyServerThreadPool|relay-api|kafka-producer-network-thread \\| relay-api|HttpClient|idle-timeout|Session-HouseKeeper).*")),
            new Stage("SMPP transport (jSMPP, both sides)", Pattern.compile("^(PDUReaderWorker|EnquireLinkSender|pool-N-thread).*")),
            new Stage("dispatcher", Pattern.compile("^(dispatch|event-committer|submit|kafka-producer-network-thread \\| vm|"
                    + "kafka-coordinator-heartbeat-thread \\| relay-dispatcher|dispatcher|optout-follower|lane).*")),
            new Stage("carrier simulator", Pattern.compile("^(simulator|smpp-sim|sim-).*")),
            new Stage("delivery tracker (Streams)", Pattern.compile(".*relay-delivery-tracker.*")),
            new Stage("opt-out processor (Streams)", Pattern.compile(".*relay-optout-processor.*")),
            new Stage("JVM (GC, JIT)", Pattern.compile("^(GC Thread|GN |CN |VM |Sweeper|Service Thread|Monitor Deflation|"
                    + "Reference Handler|Finalizer|Common-Cleaner|Signal Dispatcher|Notification Thread|Attach Listener).*")),
            new Stage("Kafka broker", Pattern.compile("^(data-plane|kafka-scheduler|group-coordinator|ExpirationReaper|TxnMarker|"
                    + "kafka-N-|quorum|controller-|broker-|AddPartitionsToTxn|transaction-log|kafka-log-cleaner|executor-|share|"
                    + "raft|client-metrics|LogDirFailure|PersisterStateManager|SensorExpiry|ShareGroup).*")));

    private final Map<String, Double> byGroup;
    private final double totalMillis;

    private StageCpu(Map<String, Double> byGroup, double totalMillis) {
        this.byGroup = byGroup;
        this.totalMillis = totalMillis;
    }

    /** CPU used between two snapshots; threads born in between count from zero. */
    static StageCpu between(ProcessProbe.ThreadTimes before, ProcessProbe.ThreadTimes after, Map<Integer, String> javaNames) {
        Map<String, Double> byGroup = new TreeMap<>();
        double total = 0;
        for (Map.Entry<Integer, Double> thread : after.millis().entrySet()) {
            double used = thread.getValue() - before.millis().getOrDefault(thread.getKey(), 0.0);
            if (used <= 0) {
                continue;
            }
            String name = javaNames.getOrDefault(thread.getKey(), after.shortNames().get(thread.getKey()));
            byGroup.merge(fold(name), used, Double::sum);
            total += used;
        }
        return new StageCpu(byGroup, total);
    }

    private static String fold(String name) {
        return name.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID")
                .replaceAll("[0-9a-f]{6,}", "X").replaceAll("\\d+", "N");
    }

    double totalMillis() {
        return totalMillis;
    }

    /** CPU milliseconds per stage, in the order of the pipeline, then "other". */
    Map<String, Double> byStage() {
        Map<String, Double> stages = new LinkedHashMap<>();
        STAGES.forEach(stage -> stages.put(stage.name(), 0.0));
        stages.put("other", 0.0);
        byGroup.forEach((group, millis) -> stages.merge(stageOf(group), millis, Double::sum));
        return stages;
    }

    /** The busiest thread groups, largest first. */
    Map<String, Double> topGroups(int limit) {
        Map<String, Double> top = new LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static String stageOf(String group) {
        for (Stage stage : STAGES) {
            if (stage.threads().matcher(group).matches()) {
                return stage.name();
            }
        }
        return "other";
    }
}
