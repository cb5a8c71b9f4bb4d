package io.relaysms.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a configuration file into flat dotted keys. A {@code .properties} file is taken as it is; a
 * {@code .yaml}/{@code .yml} file is flattened, so {@code numbers: {"+18005550100": {type: toll-free}}}
 * becomes {@code numbers.+18005550100.type=toll-free}. Both formats therefore share one key space.
 *
 * <p>A key given twice is refused, not resolved: YAML parsers keep the last of two equal keys, so a second
 * {@code tracker:} block further down a file would silently drop the first one's settings, and a mapping and a dotted
 * key ({@code kafka: {acks: 1}} and {@code kafka.acks: all}) would silently overwrite each other.
 */
public final class ConfigFileReader {

    private ConfigFileReader() {
    }

    public static Map<String, String> read(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        try (InputStream in = Files.newInputStream(file)) {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return readYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.toString());
            }
            if (name.endsWith(".properties")) {
                return readProperties(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new InvalidConfigurationException(List.of("cannot read configuration file " + file + ": " + e.getMessage()));
        }
        throw new InvalidConfigurationException(List.of(
                "configuration file " + file + " must end in .properties, .yaml or .yml"));
    }

    static Map<String, String> readProperties(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> flat = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> flat.put(key.trim(), properties.getProperty(key).trim()));
        return flat;
    }

    /** YAML text flattened to dotted keys; for configuration that ships inside a jar rather than in a file. */
    public static Map<String, String> readYaml(String text) {
        return readYaml(text, "YAML configuration");
    }

    private static Map<String, String> readYaml(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            throw new InvalidConfigurationException(List.of(source + " is not valid YAML: " + describe(e)));
        } catch (YAMLException e) {
            throw new InvalidConfigurationException(List.of(source + " is not valid YAML: " + e.getMessage().strip()));
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root == null) {
            return flat;
        }
        if (!(root instanceof Map)) {
            throw new InvalidConfigurationException(List.of("a YAML configuration file must hold a mapping at its top level"));
        }
        flatten("", root, flat);
        return flat;
    }

    /**
     * "line 87, column 1: found duplicate key topics (while constructing a mapping from line 5)" and the line itself:
     * SnakeYAML's own message names the text it parsed ('string'), not the file.
     */
    private static String describe(MarkedYAMLException e) {
        Mark at = e.getProblemMark();
        StringBuilder text = new StringBuilder();
        if (at != null) {
            text.append("line ").append(at.getLine() + 1).append(", column ").append(at.getColumn() + 1).append(": ");
        }
        text.append(e.getProblem());
        if (e.getContext() != null) {
            text.append(" (").append(e.getContext());
            if (e.getContextMark() != null) {
                text.append(" from line ").append(e.getContextMark().getLine() + 1);
            }
            text.append(')');
        }
        if (at != null) {
            text.append('\n').append(at.get_snippet(4, 100));
        }
        return text.toString();
    }

    private static void flatten(String prefix, Object node, Map<String, String> flat) {
        if (!(node instanceof Map) && flat.containsKey(prefix)) {
            throw new InvalidConfigurationException(List.of(prefix + " is set twice (once as a dotted key, once inside a "
                    + "mapping); keep one"));
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
        } else if (node instanceof List<?> list) {
            // Lists of scalars are Kafka-style comma lists; lists of mappings are not part of our key space.
            if (list.stream().anyMatch(item -> item instanceof Map || item instanceof List)) {
                throw new InvalidConfigurationException(List.of(prefix + ": lists of mappings are not supported; use a mapping keyed by name"));
            }
            flat.put(prefix, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else if (node != null) {
            flat.put(prefix, String.valueOf(node));
        } else {
            flat.put(prefix, "");
        }
    }
}
