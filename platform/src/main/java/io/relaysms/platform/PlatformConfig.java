package io.relaysms.platform;

import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The launcher's own keys ({@code platform.*}). Everything else in the file belongs to the services, which read the
 * same settings exactly as they would when run alone.
 */
public final class PlatformConfig {

    public static final String NAMESPACE = "platform";
    public static final String DATA_DIR = "platform.data-dir";
    public static final String KAFKA_EMBEDDED = "platform.kafka.embedded";
    public static final String KAFKA_PORT = "platform.kafka.port";
    public static final String KAFKA_CONTROLLER_PORT = "platform.kafka.controller-port";
    public static final String SIMULATOR_ENABLED = "platform.simulator.enabled";
    public static final String SIMULATOR_ROUTE = "platform.simulator.route";
    public static final String PUBLIC_HOST = "platform.public-host";

    private final ServiceConfig config;

    public PlatformConfig(RelaySettings settings) {
        this.config = new ServiceConfig(NAMESPACE, definition(), settings);
    }

    public static ConfigDef definition() {
        return new ConfigDef()
                .define(DATA_DIR, Type.STRING, ".relay-data", Importance.HIGH,
                        "Folder holding everything the platform keeps across restarts: the broker's log, the API's key and "
                                + "certificate, the Streams state stores.")
                .define(KAFKA_EMBEDDED, Type.BOOLEAN, true, Importance.HIGH,
                        "Run a single-node KRaft broker inside the process. false: use the cluster of kafka.bootstrap.servers.")
                .define(KAFKA_PORT, Type.INT, 9092, Range.between(0, 65535), Importance.MEDIUM,
                        "Client port of the embedded broker; 0 picks a free one.")
                .define(KAFKA_CONTROLLER_PORT, Type.INT, 9093, Range.between(0, 65535), Importance.LOW,
                        "KRaft controller port of the embedded broker; 0 picks a free one.")
                .define(SIMULATOR_ENABLED, Type.BOOLEAN, true, Importance.HIGH,
                        "Run the carrier simulator inside the process (simulator.* keys configure it).")
                .define(SIMULATOR_ROUTE, Type.STRING, "sim", Importance.MEDIUM,
                        "The carriers.<id> route that points at the simulator; its port is set to the simulator's.")
                .define(PUBLIC_HOST, Type.STRING, "localhost", Importance.MEDIUM,
                        "Host name printed in the endpoint and connection string; must be one of api.tls.hostnames.");
    }

    public Path dataDirectory() {
        return Path.of(config.getString(DATA_DIR));
    }

    public boolean embeddedKafka() {
        return config.getBoolean(KAFKA_EMBEDDED);
    }

    public int kafkaPort() {
        return config.getInt(KAFKA_PORT);
    }

    public int kafkaControllerPort() {
        return config.getInt(KAFKA_CONTROLLER_PORT);
    }

    public boolean simulatorEnabled() {
        return config.getBoolean(SIMULATOR_ENABLED);
    }

    public String simulatorRoute() {
        return config.getString(SIMULATOR_ROUTE);
    }

    public String publicHost() {
        return config.getString(PUBLIC_HOST);
    }

    public ServiceConfig serviceConfig() {
        return config;
    }
}
