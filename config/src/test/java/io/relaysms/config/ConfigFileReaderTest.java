package io.relaysms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void flattensYamlMappingsIntoDottedKeys() throws Exception {
        Path file = dir.resolve("relay.yaml");
        Files.writeString(file, """
                kafka:
                  bootstrap.servers: broker-1:9092,broker-2:9092
                numbers:
                  "+18005550100":
                    type: toll-free
                    route: simulator
                topics:
                  partitions: 12
                api:
                  cors-origins: [a.example, b.example]
                """);

        assertThat(ConfigFileReader.read(file))
                .containsEntry("kafka.bootstrap.servers", "broker-1:9092,broker-2:9092")
                .containsEntry("numbers.+18005550100.type", "toll-free")
                .containsEntry("numbers.+18005550100.route", "simulator")
                .containsEntry("topics.partitions", "12")
                .containsEntry("api.cors-origins", "a.example,b.example");
    }

    @Test
    void readsPropertiesFilesWithTheSameKeys() throws Exception {
        Path file = dir.resolve("relay.properties");
        Files.writeString(file, "numbers.+18005550100.type = toll-free\ntopics.prefix=prod.\n");

        assertThat(ConfigFileReader.read(file))
                .containsEntry("numbers.+18005550100.type", "toll-free")
                .containsEntry("topics.prefix", "prod.");
    }

    @Test
    void refusesAFileOfUnknownFormat() throws Exception {
        Path file = dir.resolve("relay.toml");
        Files.writeString(file, "a = 1");

        assertThatThrownBy(() -> ConfigFileReader.read(file))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(".properties, .yaml or .yml");
    }

    @Test
    void refusesASectionGivenTwiceInsteadOfDroppingTheFirst() throws Exception {
        Path file = dir.resolve("relay.yaml");
        Files.writeString(file, """
                tracker:
                  http:
                    port: 8082
                topics:
                  partitions: 6
                tracker:
                  stream-threads: 2
                """);

        assertThatThrownBy(() -> ConfigFileReader.read(file))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 6, column 1: found duplicate key tracker")
                .hasMessageNotContaining("'string'");
    }

    @Test
    void refusesAKeyGivenBothDottedAndInsideAMapping() throws Exception {
        Path file = dir.resolve("relay.yaml");
        Files.writeString(file, """
                kafka:
                  acks: "1"
                kafka.acks: all
                """);

        assertThatThrownBy(() -> ConfigFileReader.read(file))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("kafka.acks is set twice");
    }

    @Test
    void reportsBrokenYamlAsAConfigurationErrorWithItsLine() throws Exception {
        Path file = dir.resolve("relay.yaml");
        Files.writeString(file, """
                topics:
                  partitions: 6
                 prefix: prod.
                """);

        assertThatThrownBy(() -> ConfigFileReader.read(file))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(file + " is not valid YAML: line 3, column 2:")
                .hasMessageContaining(" prefix: prod.");
    }
}
