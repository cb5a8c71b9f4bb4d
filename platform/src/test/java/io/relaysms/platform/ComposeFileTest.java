package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.config.ConfigFileReader;
import io.relaysms.config.EnvironmentOverrides;
import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.SharedSettings;
import io.relaysms.platform.ComposeFile.Mount;
import io.relaysms.platform.ComposeFile.Service;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks docker-compose.yml, the Dockerfile and deploy/relay.yaml for everything that does not need Docker: that each
 * container can be built or pulled from a pinned image, that what it mounts and runs exists in this repository, that
 * its RELAY_* variables are keys its service declares and that its configuration passes the validation its start-up
 * runs, and that the services, brokers, dependencies and host ports fit together. Whether the images start is for
 * `docker compose up` to show.
 */
class ComposeFileTest {

    private static final Pattern FROM_LINE = Pattern.compile("^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final String KAFKA_IMAGE = "apache/kafka:";
    private static final String CONFIG_VARIABLE = "RELAY_CONFIG";

    private static Path repository;
    private static Map<String, Service> services;
    private static ComposeFile compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        repository = repositoryRoot();
        compose = ComposeFile.read(repository.resolve("docker-compose.yml"));
        services = compose.services();
    }

    @Test
    void theComposeFileDefinesTheBrokersTheRegistryEveryRelayServiceConnectAndPostgres() {
        Set<String> mains = relayServices().values().stream().map(s -> s.mainClass().orElseThrow()).collect(Collectors.toSet());
        assertThat(mains).containsExactlyInAnyOrder("io.relaysms.api.ProducerApiMain", "io.relaysms.dispatcher.DispatcherMain",
                "io.relaysms.tracker.DeliveryTrackerMain", "io.relaysms.optout.OptOutProcessorMain",
                "io.relaysms.simulator.CarrierSimulatorMain");
        assertThat(brokers()).hasSize(3);
        assertThat(services).containsKeys("schema-registry", "connect", "postgres");
    }

    @Test
    void relayYamlLoadsThroughTheConfigFileReader() {
        Map<String, String> values = ConfigFileReader.read(repository.resolve("deploy/relay.yaml"));
        assertThat(values).containsKeys(SharedSettings.BOOTSTRAP_SERVERS, SharedSettings.SCHEMA_REGISTRY_URL);
    }

    @Test
    void everyServiceHasAnImageOrABuild() {
        assertThat(services.values()).allSatisfy(service ->
                assertThat(service.image().isPresent() || service.build().isPresent()).as(service.name()).isTrue());
    }

    @Test
    void everyBuildNamesAContextADockerfileAndAStageThatExist() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Service service : services.values()) {
            Optional<Map<String, Object>> build = service.build();
            if (build.isEmpty()) {
                continue;
            }
            Path context = inRepository(String.valueOf(build.get().getOrDefault("context", ".")));
            Path dockerfile = context.resolve(String.valueOf(build.get().getOrDefault("dockerfile", "Dockerfile")));
            if (!Files.isDirectory(context) || !Files.isRegularFile(dockerfile)) {
                problems.add(service.name() + ": no build context " + context + " or Dockerfile " + dockerfile);
                continue;
            }
            Object target = build.get().get("target");
            if (target != null && !stages(dockerfile).containsValue(String.valueOf(target))) {
                problems.add(service.name() + ": " + dockerfile + " has no stage " + target);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMountedHostPathExistsInTheRepositoryAndEveryNamedVolumeIsDeclared() {
        List<String> problems = new ArrayList<>();
        for (Service service : services.values()) {
            for (Mount mount : service.mounts()) {
                if (mount.isHostPath() && !Files.exists(inRepository(mount.source()))) {
                    problems.add(service.name() + ": mounts " + mount.source() + ", which is not in the repository");
                } else if (mount.isNamedVolume() && !compose.namedVolumes().contains(mount.source())) {
                    problems.add(service.name() + ": volume " + mount.source() + " is not declared under volumes");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMainClassInACommandIsOnTheClasspathAndRunsFromTheJarTheDockerfileInstalls() throws Exception {
        String dockerfile = Files.readString(repository.resolve("Dockerfile"));
        for (Service service : services.values()) {
            Optional<String> mainClass = service.mainClass();
            if (mainClass.isEmpty()) {
                continue;
            }
            Method main = Class.forName(mainClass.get()).getMethod("main", String[].class);
            assertThat(Modifier.isStatic(main.getModifiers())).as(service.name() + " main is static").isTrue();
            assertThat(dockerfile).as(service.name() + " runs a jar the Dockerfile copies into the image")
                    .containsPattern("(?m)^COPY .*\\s" + Pattern.quote(service.classpath().orElseThrow()) + "\\s*$");
        }
    }

    @Test
    void everyRelayServiceReadsAConfigurationFileMountedFromTheRepository() {
        assertThat(relayServices().values()).allSatisfy(service -> assertThat(configurationFile(service))
                .as(service.name()).hasValueSatisfying(file -> assertThat(file).isRegularFile()));
    }

    @Test
    void everyRelayVariableSetsAKeyThatItsServiceDeclares() {
        Set<String> kafkaClientKeys = kafkaClientKeys();
        List<String> problems = new ArrayList<>();
        for (Service service : services.values()) {
            Optional<RelayMains.Definition> definition = service.mainClass().flatMap(RelayMains::forMainClass);
            Map<String, String> knownNames = new HashMap<>();
            definition.ifPresent(d -> d.declaredKeys().forEach(key -> knownNames.put(EnvironmentOverrides.environmentName(key), key)));
            service.environment().forEach((name, value) -> {
                if (!name.startsWith(EnvironmentOverrides.PREFIX) || name.equals(CONFIG_VARIABLE)) {
                    return;
                }
                if (definition.isEmpty()) {
                    problems.add(service.name() + ": " + name + " is set, but no Relay service runs there");
                } else if (value == null) {
                    problems.add(service.name() + ": " + name + " has no value (it would come from the host's environment)");
                } else if (name.startsWith(EnvironmentOverrides.PREFIX + "KAFKA_") && !knownNames.containsKey(name)) {
                    String key = EnvironmentOverrides.resolve(Map.of(name, value), Set.of()).keySet().iterator().next();
                    if (!kafkaClientKeys.contains(key.substring(SharedSettings.KAFKA_PREFIX.length()))) {
                        problems.add(service.name() + ": " + name + " becomes " + key + ", which no Kafka client knows");
                    }
                } else if (!knownNames.containsKey(name)) {
                    problems.add(service.name() + ": " + name + " matches no key that " + service.mainClass().get() + " declares");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRelayServiceConfigurationPassesTheValidationItsStartUpRuns() {
        List<String> problems = new ArrayList<>();
        relayServices().forEach((name, service) -> {
            try {
                definition(service).validate(settings(service));
            } catch (InvalidConfigurationException e) {
                problems.add(name + ": " + e.getMessage());
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theAddressesInTheConfigurationNameServicesOfTheComposeFile() {
        List<String> problems = new ArrayList<>();
        relayServices().forEach((name, service) -> {
            Map<String, String> effective = settings(service).resolve(definition(service).declaredKeys());
            for (String server : effective.getOrDefault(SharedSettings.BOOTSTRAP_SERVERS, "localhost:9092").split(",")) {
                String host = server.trim().substring(0, server.trim().lastIndexOf(':'));
                String port = server.trim().substring(server.trim().lastIndexOf(':') + 1);
                Service broker = brokers().get(host);
                if (broker == null || Arrays.stream(broker.environment().getOrDefault("KAFKA_LISTENERS", "").split(","))
                        .noneMatch(listener -> listener.endsWith(":" + port))) {
                    problems.add(name + ": bootstrap server " + server + " is no broker listener of the compose file");
                }
            }
            String registry = effective.getOrDefault(SharedSettings.SCHEMA_REGISTRY_URL, "");
            if (!registry.isEmpty() && !services.containsKey(URI.create(registry).getHost())) {
                problems.add(name + ": schema registry " + registry + " is no service of the compose file");
            }
            boolean dispatcher = service.mainClass().orElseThrow().equals("io.relaysms.dispatcher.DispatcherMain");
            effective.forEach((key, value) -> {
                if (dispatcher && key.matches("carriers\\.[^.]+\\.host") && !runs(value, "io.relaysms.simulator.CarrierSimulatorMain")) {
                    problems.add(name + ": " + key + "=" + value + " is not the carrier simulator's service");
                }
            });
            if (service.mainClass().orElseThrow().equals("io.relaysms.api.ProducerApiMain")) {
                for (String url : effective.getOrDefault("api.delivery-reports.url", "http://127.0.0.1:8086").split("\\s*,\\s*")) {
                    if (!runs(URI.create(url.trim()).getHost(), "io.relaysms.tracker.DeliveryTrackerMain")) {
                        problems.add(name + ": api.delivery-reports.url entry " + url + " is not a delivery tracker's service");
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theBrokersFormOneKraftQuorum() {
        Map<String, Service> brokers = brokers();
        Set<String> voters = new TreeSet<>();
        Set<String> nodeIds = new HashSet<>();
        for (Service broker : brokers.values()) {
            Map<String, String> environment = broker.environment();
            String nodeId = environment.get("KAFKA_NODE_ID");
            assertThat(nodeIds.add(nodeId)).as(broker.name() + " has a node id of its own").isTrue();
            Matcher controller = Pattern.compile("CONTROLLER://[^:]*:(\\d+)").matcher(environment.get("KAFKA_LISTENERS"));
            assertThat(controller.find()).as(broker.name() + " has a CONTROLLER listener").isTrue();
            voters.add(nodeId + "@" + broker.name() + ":" + controller.group(1));
        }
        assertThat(brokers.values()).allSatisfy(broker -> {
            Map<String, String> environment = broker.environment();
            assertThat(new TreeSet<>(List.of(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","))))
                    .as(broker.name() + " votes with every broker").isEqualTo(voters);
            assertThat(environment.get("CLUSTER_ID")).as(broker.name()).isEqualTo(brokers.values().iterator().next().environment().get("CLUSTER_ID"));
            assertThat(environment.get("KAFKA_PROCESS_ROLES")).as(broker.name()).contains("controller").contains("broker");
        });
    }

    @Test
    void everyDependencyExistsAndEveryHealthConditionHasAHealthCheck() {
        List<String> problems = new ArrayList<>();
        services.values().forEach(service -> service.dependsOn().forEach((target, condition) -> {
            if (!services.containsKey(target)) {
                problems.add(service.name() + " depends on " + target + ", which is not a service");
            } else if (condition.equals("service_healthy") && !services.get(target).hasHealthCheck()) {
                problems.add(service.name() + " waits for " + target + " to be healthy, but it has no health check");
            } else if (!Set.of("service_started", "service_healthy", "service_completed_successfully").contains(condition)) {
                problems.add(service.name() + ": unknown condition " + condition + " on " + target);
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void noTwoServicesPublishTheSameHostPort() {
        Map<Integer, List<String>> publishers = new LinkedHashMap<>();
        services.values().forEach(service -> service.publishedPorts()
                .forEach(port -> publishers.computeIfAbsent(port, p -> new ArrayList<>()).add(service.name())));
        assertThat(publishers).allSatisfy((port, names) -> assertThat(names).as("host port " + port).hasSize(1));
    }

    @Test
    void everyImageIsPinnedToATag() throws IOException {
        List<String> images = new ArrayList<>();
        services.values().forEach(service -> service.image().ifPresent(images::add));
        Map<String, String> stages = stages(repository.resolve("Dockerfile"));
        stages.keySet().stream().filter(image -> !stages.containsValue(image)).forEach(images::add);
        assertThat(images).isNotEmpty().allSatisfy(image -> assertThat(isPinned(image)).as(image).isTrue());
    }

    private static boolean isPinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') && !image.substring(colon + 1).isBlank()
                && !image.substring(colon + 1).equals("latest") && !image.contains("${");
    }

    /** Base image to stage name (empty when the stage has none), for every FROM line. */
    private static Map<String, String> stages(Path dockerfile) throws IOException {
        Map<String, String> stages = new LinkedHashMap<>();
        Matcher from = FROM_LINE.matcher(Files.readString(dockerfile));
        while (from.find()) {
            stages.put(from.group(1), from.group(2) == null ? "" : from.group(2));
        }
        return stages;
    }

    private static Map<String, Service> relayServices() {
        Map<String, Service> relay = new LinkedHashMap<>();
        services.forEach((name, service) -> service.mainClass().filter(RelayMains::isRelayMain).ifPresent(main -> relay.put(name, service)));
        return relay;
    }

    private static Map<String, Service> brokers() {
        Map<String, Service> brokers = new LinkedHashMap<>();
        services.forEach((name, service) -> service.image().filter(image -> image.startsWith(KAFKA_IMAGE))
                .ifPresent(image -> brokers.put(name, service)));
        return brokers;
    }

    private static boolean runs(String serviceName, String mainClass) {
        return services.containsKey(serviceName) && services.get(serviceName).mainClass().filter(mainClass::equals).isPresent();
    }

    private static RelayMains.Definition definition(Service service) {
        String mainClass = service.mainClass().orElseThrow();
        return RelayMains.forMainClass(mainClass)
                .orElseThrow(() -> new AssertionError(service.name() + " runs " + mainClass + ", which this test does not know how to validate"));
    }

    /** The container's configuration: the file its command names plus its environment, as RelaySettings.load builds it. */
    private static RelaySettings settings(Service service) {
        Path file = configurationFile(service)
                .orElseThrow(() -> new AssertionError(service.name() + " reads no configuration file mounted from the repository"));
        Map<String, String> environment = new HashMap<>();
        service.environment().forEach((name, value) -> environment.put(name, value == null ? "" : value));
        return RelaySettings.of(ConfigFileReader.read(file), environment);
    }

    /** The repository file mounted where the service's command (or RELAY_CONFIG) says its configuration is. */
    private static Optional<Path> configurationFile(Service service) {
        Optional<String> inContainer = service.mainArgument().or(() -> Optional.ofNullable(service.environment().get(CONFIG_VARIABLE)));
        return inContainer.flatMap(path -> service.mounts().stream()
                .filter(mount -> mount.isHostPath() && mount.target().equals(path))
                .map(mount -> inRepository(mount.source()))
                .findFirst());
    }

    private static Set<String> kafkaClientKeys() {
        Set<String> keys = new HashSet<>();
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        keys.addAll(StreamsConfig.configDef().names());
        return keys;
    }

    private static Path inRepository(String relative) {
        Path path = repository.resolve(relative).normalize();
        if (!path.startsWith(repository)) {
            throw new AssertionError(relative + " leads outside the repository");
        }
        return path;
    }

    /** Surefire runs in the module folder; the compose file sits at the root of the repository above it. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
