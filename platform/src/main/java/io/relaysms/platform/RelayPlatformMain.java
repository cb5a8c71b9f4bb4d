package io.relaysms.platform;

import io.relaysms.config.ConfigFileReader;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar relay-platform.jar [config.yaml]}: the whole platform in one process. Without an argument the file
 * named by {@code RELAY_CONFIG} is read, else the demo configuration inside the jar (a few numbers routed to the
 * embedded carrier simulator). RELAY_* environment variables override either. Ctrl-C / SIGTERM stops it cleanly, also
 * during its start. Starting, failing and stopping go as for every service ({@link ServiceMain}); a taken port's message
 * names its settings ({@link PortSettings}).
 */
public final class RelayPlatformMain {

    static final String DEMO_CONFIGURATION = "/relay-demo.yaml";

    private RelayPlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run("Relay", "java -jar relay-platform.jar", List.of(), args, RelayPlatformMain::settings,
                RelayPlatform::start, platform -> {
                    System.out.println(PlatformBanner.render(platform));
                    System.out.flush();
                });
    }

    static RelaySettings settings(Optional<Path> file) {
        return file.isPresent() ? RelaySettings.load(file) : RelaySettings.of(demoConfiguration(), System.getenv());
    }

    static Map<String, String> demoConfiguration() {
        try (InputStream in = RelayPlatformMain.class.getResourceAsStream(DEMO_CONFIGURATION)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_CONFIGURATION + " is missing from the jar");
            }
            return ConfigFileReader.readYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
