package io.relaysms.platform;

import io.relaysms.config.ConfigFileReader;
import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar relay-platform.jar [config.yaml]}: the whole platform in one process. Without an argument the file
 * named by {@code RELAY_CONFIG} is read, else the demo configuration inside the jar (a few numbers routed to the
 * embedded carrier simulator). RELAY_* environment variables override either. Ctrl-C / SIGTERM stops it cleanly.
 */
public final class RelayPlatformMain {

    static final String DEMO_CONFIGURATION = "/relay-demo.yaml";

    private RelayPlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
            System.err.println("usage: java -jar relay-platform.jar [config.yaml|config.properties]");
            System.exit(2);
        }
        RelayPlatform platform;
        try {
            platform = RelayPlatform.start(settings(args));
        } catch (InvalidConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("Relay did not start: " + e.getMessage());
            // A taken port's or folder's message says what to change; a stack trace would only bury it.
            if (!(e instanceof PortSettings.PortTakenException) && !(e instanceof DataFolderLock.FolderInUseException)) {
                e.printStackTrace();
            }
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Relay...");
            platform.close();
            stopped.countDown();
        }, "platform-shutdown"));
        System.out.println(PlatformBanner.render(platform));
        System.out.flush();
        stopped.await();
    }

    static RelaySettings settings(String[] args) {
        Optional<Path> file = args.length == 1 ? Optional.of(Path.of(args[0]))
                : Optional.ofNullable(System.getenv("RELAY_CONFIG")).filter(name -> !name.isBlank()).map(Path::of);
        if (file.isPresent()) {
            if (!Files.isRegularFile(file.get())) {
                throw new InvalidConfigurationException(java.util.List.of("configuration file not found: " + file.get().toAbsolutePath()));
            }
            return RelaySettings.load(file);
        }
        return RelaySettings.of(demoConfiguration(), System.getenv());
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
