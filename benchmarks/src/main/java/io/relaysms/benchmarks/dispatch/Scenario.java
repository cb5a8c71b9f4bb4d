package io.relaysms.benchmarks.dispatch;

import io.relaysms.config.RelaySettings;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.SimulatorSettings;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicProvisioner;
import io.relaysms.topics.TopicSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/**
 * One benchmark setting: a topic prefix of its own on the shared broker, a carrier simulator, and the
 * dispatcher configuration for a list of toll-free numbers with one rate limit.
 */
final class Scenario implements AutoCloseable {

    final String bootstrapServers;
    final String prefix = "bench" + UUID.randomUUID().toString().substring(0, 6) + ".";
    final int partitions;
    final TopicCatalog topics;
    final CarrierSimulator carrier;
    final Map<String, String> settings = new LinkedHashMap<>();

    Scenario(String bootstrapServers, int partitions, Map<String, String> simulator) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.topics = TopicCatalog.create(new TopicSettings(prefix, partitions, (short) -1), Map.of());
        Map<String, String> sim = new LinkedHashMap<>(Map.of("simulator.smpp.port", "0", "simulator.admin.port", "0",
                "simulator.smpp.processor-threads", "64"));
        sim.putAll(simulator);
        this.carrier = CarrierSimulator.start(SimulatorSettings.of(sim));
        settings.put("kafka.bootstrap.servers", bootstrapServers);
        settings.put("topics.prefix", prefix);
        settings.put("topics.partitions", String.valueOf(partitions));
        settings.put("dispatcher.operations.port", "0");
        settings.put("dispatcher.worker.id", "bench");
        settings.put("carriers.sim.protocol", "smpp");
        settings.put("carriers.sim.host", "127.0.0.1");
        settings.put("carriers.sim.port", String.valueOf(carrier.smppPort()));
        settings.put("carriers.sim.system-id", "relay");
        settings.put("carriers.sim.password", "relay");
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            new TopicProvisioner(client, Duration.ofSeconds(60)).ensure(topics);
        }
    }

    static String number(int i) {
        return "+1800555" + String.format("%04d", i);
    }

    /** Owns numbers {@code first .. first+count-1} with the given limit. */
    List<String> numbers(int first, int count, double perMinute, long burst) {
        List<String> numbers = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String n = number(i);
            numbers.add(n);
            settings.put("numbers." + n + ".type", "toll-free");
            settings.put("numbers." + n + ".route", "sim");
            settings.put("numbers." + n + ".rate-limit.per-minute", String.valueOf(perMinute));
            settings.put("numbers." + n + ".rate-limit.burst", String.valueOf(burst));
        }
        return numbers;
    }

    RelaySettings relaySettings() {
        return RelaySettings.of(settings);
    }

    @Override
    public void close() {
        carrier.close();
    }
}
