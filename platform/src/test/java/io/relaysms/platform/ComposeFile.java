package io.relaysms.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository's docker-compose.yml read as Docker Compose reads it, for the parts the tests look at: services, their
 * build, command, environment, bind mounts, published ports, dependencies and health checks. Merge keys ({@code <<})
 * are resolved by SnakeYAML exactly as Compose resolves them. Both the short and the long syntax of volumes and ports
 * are understood.
 */
final class ComposeFile {

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static ComposeFile read(Path file) throws IOException {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException(file + " does not hold a mapping at its top level");
        }
        return new ComposeFile((Map<String, Object>) root);
    }

    Map<String, Service> services() {
        Map<String, Service> services = new LinkedHashMap<>();
        mapping(root.get("services")).forEach((name, definition) -> services.put(name, new Service(name, mapping(definition))));
        return services;
    }

    List<String> namedVolumes() {
        return List.copyOf(mapping(root.get("volumes")).keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object node) {
        return node instanceof Map ? (Map<String, Object>) node : Map.of();
    }

    private static List<Object> list(Object node) {
        return node instanceof List<?> items ? new ArrayList<>(items) : List.of();
    }

    /** One entry under {@code services}. */
    record Service(String name, Map<String, Object> definition) {

        Optional<String> image() {
            return Optional.ofNullable(definition.get("image")).map(String::valueOf);
        }

        /** The build section; the short form {@code build: <context>} becomes {@code {context: <context>}}. */
        Optional<Map<String, Object>> build() {
            Object build = definition.get("build");
            if (build instanceof String context) {
                return Optional.of(Map.of("context", context));
            }
            return build == null ? Optional.empty() : Optional.of(mapping(build));
        }

        List<String> command() {
            return list(definition.get("command")).stream().map(String::valueOf).toList();
        }

        /** The environment as Compose passes it; a variable listed without a value is taken from the host (null here). */
        Map<String, String> environment() {
            Object environment = definition.get("environment");
            Map<String, String> variables = new LinkedHashMap<>();
            if (environment instanceof Map<?, ?> map) {
                map.forEach((name, value) -> variables.put(String.valueOf(name), value == null ? null : String.valueOf(value)));
            } else {
                for (Object entry : list(environment)) {
                    String text = String.valueOf(entry);
                    int equals = text.indexOf('=');
                    variables.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
                }
            }
            return variables;
        }

        List<Mount> mounts() {
            List<Mount> mounts = new ArrayList<>();
            for (Object volume : list(definition.get("volumes"))) {
                if (volume instanceof Map<?, ?> longSyntax) {
                    mounts.add(new Mount(String.valueOf(longSyntax.get("source")), String.valueOf(longSyntax.get("target"))));
                } else {
                    String[] parts = String.valueOf(volume).split(":");
                    mounts.add(parts.length == 1 ? new Mount("", parts[0]) : new Mount(parts[0], parts[1]));
                }
            }
            return mounts;
        }

        /** Host-side ports; a port published without a host side gets a random one and cannot collide. */
        List<Integer> publishedPorts() {
            List<Integer> published = new ArrayList<>();
            for (Object port : list(definition.get("ports"))) {
                if (port instanceof Map<?, ?> longSyntax) {
                    Optional.ofNullable(longSyntax.get("published")).map(p -> Integer.valueOf(String.valueOf(p))).ifPresent(published::add);
                } else {
                    String[] parts = String.valueOf(port).split("/")[0].split(":");
                    if (parts.length > 1) {
                        published.add(Integer.valueOf(parts[parts.length - 2]));
                    }
                }
            }
            return published;
        }

        /** Target service to condition; the list form means {@code service_started}. */
        Map<String, String> dependsOn() {
            Object dependsOn = definition.get("depends_on");
            Map<String, String> conditions = new LinkedHashMap<>();
            if (dependsOn instanceof Map<?, ?> map) {
                map.forEach((target, options) -> conditions.put(String.valueOf(target),
                        String.valueOf(mapping(options).getOrDefault("condition", "service_started"))));
            } else {
                list(dependsOn).forEach(target -> conditions.put(String.valueOf(target), "service_started"));
            }
            return conditions;
        }

        boolean hasHealthCheck() {
            Map<String, Object> healthcheck = mapping(definition.get("healthcheck"));
            return !healthcheck.isEmpty() && !Boolean.TRUE.equals(healthcheck.get("disable"));
        }

        /** The main class of a {@code java -cp <jar> <main class> ...} command. */
        Optional<String> mainClass() {
            return argumentAfterClasspath(1);
        }

        /** The first argument after the main class: the configuration file every Relay main takes. */
        Optional<String> mainArgument() {
            return argumentAfterClasspath(2);
        }

        Optional<String> classpath() {
            return argumentAfterClasspath(0);
        }

        private Optional<String> argumentAfterClasspath(int offset) {
            List<String> command = command();
            for (int i = 0; i < command.size(); i++) {
                if ((command.get(i).equals("-cp") || command.get(i).equals("-classpath")) && i + 1 + offset < command.size()) {
                    return Optional.of(command.get(i + 1 + offset));
                }
            }
            return Optional.empty();
        }
    }

    /** A volume entry: a host path (starting with . or /), a named volume, or an anonymous one (empty source). */
    record Mount(String source, String target) {

        boolean isHostPath() {
            return source.startsWith(".") || source.startsWith("/");
        }

        boolean isNamedVolume() {
            return !source.isEmpty() && !isHostPath();
        }
    }
}
