package io.relaysms.api.auth;

import io.relaysms.api.config.ApiSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access keys a request may be signed with: the primary, and the secondary when configured (rotation). When no
 * primary is configured (the embedded default), one is generated once, kept in {@code <api.data-dir>/access-key}
 * readable by the owner only, and reused on restart; the log names the file, never the key.
 */
public final class AccessKeys {

    private static final Logger log = LoggerFactory.getLogger(AccessKeys.class);
    static final String GENERATED_KEY_FILE = "access-key";

    private final List<AccessKey> keys;

    private AccessKeys(List<AccessKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public static AccessKeys of(AccessKey... keys) {
        return new AccessKeys(List.of(keys));
    }

    public static AccessKeys from(ApiSettings settings) {
        List<AccessKey> keys = new ArrayList<>();
        keys.add(AccessKey.fromBase64("primary", settings.primaryKey()
                .orElseGet(() -> generatedKey(settings.dataDirectory().resolve(GENERATED_KEY_FILE)))));
        settings.secondaryKey().ifPresent(secondary -> keys.add(AccessKey.fromBase64("secondary", secondary)));
        return new AccessKeys(keys);
    }

    /** What is wrong with the configured keys, each named by its setting; a missing primary key is generated at start. */
    public static List<String> problems(ApiSettings settings) {
        List<String> problems = new ArrayList<>();
        settings.primaryKey().ifPresent(key -> check(ApiSettings.PRIMARY_KEY, "primary", key, problems));
        settings.secondaryKey().ifPresent(key -> check(ApiSettings.SECONDARY_KEY, "secondary", key, problems));
        return problems;
    }

    private static void check(String setting, String name, String base64, List<String> problems) {
        try {
            AccessKey.fromBase64(name, base64);
        } catch (IllegalArgumentException e) {
            problems.add(setting + ": " + e.getMessage());
        }
    }

    public AccessKey primary() {
        return keys.get(0);
    }

    /** The key whose signature of {@code stringToSign} the client sent, if any. */
    public Optional<AccessKey> verifying(String stringToSign, String signature) {
        return keys.stream().filter(key -> key.verifies(stringToSign, signature)).findFirst();
    }

    private static String generatedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getEncoder().encodeToString(random);
            Path temporary = file.resolveSibling(GENERATED_KEY_FILE + ".tmp");
            Files.writeString(temporary, key + "\n", StandardCharsets.US_ASCII);
            restrictToOwner(temporary);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("no api.access-key.primary configured: generated one and stored it in {} (owner-only); "
                    + "clients use it as accesskey= in their connection string", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a generated access key in " + file
                    + " (set api.access-key.primary, or make api.data-dir writable)", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's own permissions apply
        }
    }
}
