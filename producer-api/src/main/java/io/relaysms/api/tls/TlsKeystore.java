package io.relaysms.api.tls;

import io.relaysms.api.config.ApiSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and certificate HTTPS serves. With {@code api.tls.keystore.path} it is the user's keystore (production);
 * without it, a self-signed certificate kept in {@code <api.data-dir>/tls}: generated on first start, reused on every
 * restart (so clients that trusted it keep trusting it), generated anew only when it expires within 30 days or lacks
 * a name now configured in {@code api.tls.hostnames}. Next to it lies {@code relay-api.crt} (PEM), and the log says
 * where it is and how to trust it.
 *
 * @param keyStore        the keystore holding one private key entry
 * @param password        its password (the same for the store and the key)
 * @param certificatePem  the generated certificate's PEM file; empty for a user keystore
 */
public record TlsKeystore(KeyStore keyStore, char[] password, Optional<Path> certificatePem) {

    private static final Logger log = LoggerFactory.getLogger(TlsKeystore.class);
    static final String ALIAS = "relay-api";

    public static TlsKeystore load(ApiSettings settings, Clock clock) {
        if (settings.keystorePath().isPresent()) {
            return fromUserKeystore(settings.keystorePath().get(), settings.keystoreType(), settings.keystorePassword());
        }
        return selfSigned(settings.dataDirectory().resolve("tls"), settings.tlsHostnames(), clock);
    }

    public static TlsKeystore fromUserKeystore(Path path, String type, char[] password) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalStateException("the TLS keystore " + path.toAbsolutePath() + " (api.tls.keystore.path) is not a "
                    + "readable file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return new TlsKeystore(store, password, Optional.empty());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the TLS keystore " + path + " (api.tls.keystore.path, type " + type
                    + "): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "; check api.tls.keystore.type and api.tls.keystore.password", e);
        }
    }

    static TlsKeystore selfSigned(Path folder, List<String> hostnames, Clock clock) {
        Path keystoreFile = folder.resolve("relay-api.p12");
        Path passwordFile = folder.resolve("keystore-password");
        Path pemFile = folder.resolve("relay-api.crt");
        try {
            Files.createDirectories(folder);
            Optional<TlsKeystore> existing = reusable(keystoreFile, passwordFile, pemFile, hostnames, clock);
            if (existing.isPresent()) {
                announce(pemFile, (X509Certificate) existing.get().keyStore().getCertificate(ALIAS), "the kept");
                return existing.get();
            }
            char[] password = randomPassword();
            SelfSignedCertificate.Generated generated = SelfSignedCertificate.generate(hostnames, clock.instant());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, generated.keyPair().getPrivate(), password, new Certificate[] {generated.certificate()});
            writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.US_ASCII));
            Path temporary = folder.resolve("relay-api.p12.tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
            }
            Files.move(temporary, keystoreFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(pemFile, pem(generated.certificate()), StandardCharsets.US_ASCII);
            announce(pemFile, generated.certificate(), "a newly generated");
            return new TlsKeystore(store, password, Optional.of(pemFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the self-signed certificate in " + folder
                    + " (make api.data-dir writable, or give api.tls.keystore.path)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the self-signed certificate's keystore: " + e.getMessage(), e);
        }
    }

    private static Optional<TlsKeystore> reusable(Path keystoreFile, Path passwordFile, Path pemFile, List<String> hostnames,
                                                  Clock clock) {
        if (!Files.exists(keystoreFile) || !Files.exists(passwordFile) || !Files.exists(pemFile)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(keystoreFile)) {
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
            if (certificate == null || certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(Duration.ofDays(30)))) {
                log.info("the self-signed certificate in {} expires soon; generating a new one", keystoreFile);
                return Optional.empty();
            }
            List<String> names = certificate.getSubjectAlternativeNames() == null ? List.of()
                    : certificate.getSubjectAlternativeNames().stream().map(entry -> String.valueOf(entry.get(1))).toList();
            if (!hostnames.stream().allMatch(name -> names.contains(name) || names.contains(normalizedIp(name)))) {
                log.info("api.tls.hostnames {} are not all in the certificate's names {}; generating a new one", hostnames, names);
                return Optional.empty();
            }
            return Optional.of(new TlsKeystore(store, password, Optional.of(pemFile)));
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            log.warn("cannot reuse the self-signed certificate in {} ({}); generating a new one", keystoreFile, e.getMessage());
            return Optional.empty();
        }
    }

    /** Java prints IPv6 SANs in full form ("0:0:0:0:0:0:0:1"); compare configured literals the same way. */
    private static String normalizedIp(String name) {
        if (!SelfSignedCertificate.isIpAddress(name)) {
            return name;
        }
        try {
            return java.net.InetAddress.getByName(name).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return name;
        }
    }

    private static void announce(Path pem, X509Certificate certificate, String what) throws GeneralSecurityException {
        String fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        Path absolute = pem.toAbsolutePath();
        log.info("HTTPS serves {} self-signed certificate for {}: {} (SHA-256 {}). Clients must trust it: "
                        + "curl --cacert {} ...; Python: SSL_CERT_FILE={} or REQUESTS_CA_BUNDLE={}; Node.js: NODE_EXTRA_CA_CERTS={}; "
                        + "Java: keytool -importcert -noprompt -alias relay-api -file {} -keystore relay-truststore.p12 "
                        + "-storepass changeit, then -Djavax.net.ssl.trustStore=relay-truststore.p12 "
                        + "-Djavax.net.ssl.trustStorePassword=changeit; .NET: add it to the OS trust store. "
                        + "In production set api.tls.keystore.path to your own certificate.",
                what, certificate.getSubjectX500Principal().getName(), absolute, fingerprint, absolute, absolute, absolute, absolute, absolute);
    }

    static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static char[] randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's permissions apply
        }
    }
}
