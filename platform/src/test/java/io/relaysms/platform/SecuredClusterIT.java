package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.relaysms.api.tls.SelfSignedCertificate;
import io.relaysms.kafka.embedded.EmbeddedKafkaBroker;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "existing Kafka cluster" example for real: a broker whose client listener takes only SASL_SSL with
 * SCRAM-SHA-512 (its own certificate, a user created through the Admin API, an ACL authorizer), and the whole platform
 * configured with nothing but {@code kafka.*} client settings, as a user points Relay at a managed cluster. A message
 * sent through the API must come back as a delivery report, which needs every Kafka client of every service
 * (producers, consumers, Streams, admin) to have taken the security settings. The user is granted what the README
 * asks for (every operation on topics, consumer groups and transactional ids under {@code topics.prefix}) and nothing
 * on the cluster. A wrong password, an untrusted certificate or a missing grant must stop the start within seconds
 * with a message naming what to fix, not hang. The broker also keeps a plaintext listener, used only by the broker
 * itself and by this test to create the user and the grants; the platform is never told about it.
 */
class SecuredClusterIT {

    private static final String USER = "relay";
    private static final String PASSWORD = "relay-scram-secret";
    private static final String STORE_PASSWORD = "changeit";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String GRANTED_PREFIX = "secured.";
    private static final String NO_GROUPS_PREFIX = "nogroups.";

    @TempDir
    static Path folder;

    private static EmbeddedKafkaBroker broker;
    private static int securePort;
    private static Path truststore;

    @BeforeAll
    static void startBrokerWithSaslSslListener() throws Exception {
        SelfSignedCertificate.Generated certificate = SelfSignedCertificate.generate(List.of("localhost", "127.0.0.1"), Instant.now());
        Path keystore = writeStore(folder.resolve("broker.p12"), store -> store.setKeyEntry("broker",
                certificate.keyPair().getPrivate(), STORE_PASSWORD.toCharArray(), new Certificate[] {certificate.certificate()}));
        truststore = writeStore(folder.resolve("truststore.p12"), store -> store.setCertificateEntry("broker", certificate.certificate()));
        int plainPort = freePort();
        int controllerPort = freePort();
        securePort = freePort();
        broker = EmbeddedKafkaBroker.builder()
                .port(plainPort)
                .controllerPort(controllerPort)
                .brokerProperty("listeners", "PLAINTEXT://127.0.0.1:" + plainPort + ",CONTROLLER://127.0.0.1:" + controllerPort
                        + ",SECURE://127.0.0.1:" + securePort)
                .brokerProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + plainPort + ",SECURE://127.0.0.1:" + securePort)
                .brokerProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SECURE:SASL_SSL")
                .brokerProperty("listener.name.secure.sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .brokerProperty("listener.name.secure.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .brokerProperty("listener.name.secure.ssl.keystore.location", keystore.toString())
                .brokerProperty("listener.name.secure.ssl.keystore.password", STORE_PASSWORD)
                .brokerProperty("listener.name.secure.ssl.keystore.type", "PKCS12")
                // ACLs as on a managed cluster; the plaintext listener (the broker itself, this test) is a super user.
                .brokerProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .brokerProperty("super.users", "User:ANONYMOUS")
                .build()
                .start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORD))).all().get();
            // What the README asks for: every operation on topics, groups and transactional ids under the prefix.
            admin.createAcls(Stream.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)
                    .map(type -> grantAll(type, GRANTED_PREFIX)).toList()).all().get();
            // A grant forgotten: consumer groups.
            admin.createAcls(Stream.of(ResourceType.TOPIC, ResourceType.TRANSACTIONAL_ID)
                    .map(type -> grantAll(type, NO_GROUPS_PREFIX)).toList()).all().get();
        }
    }

    private static AclBinding grantAll(ResourceType type, String prefix) {
        return new AclBinding(new ResourcePattern(type, prefix, PatternType.PREFIXED),
                new AccessControlEntry("User:" + USER, "*", AclOperation.ALL, AclPermissionType.ALLOW));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** What the README's SASL_SSL example gives, pointed at this broker's secure listener. */
    private static Map<String, String> securedClientSettings(Path data, String prefix, String password) {
        Map<String, String> settings = PlatformUnderTest.onBroker(data, "127.0.0.1:" + securePort, prefix);
        settings.put("kafka.security.protocol", "SASL_SSL");
        settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
        settings.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + USER + "\" password=\"" + password + "\";");
        settings.put("kafka.ssl.truststore.location", truststore.toString());
        settings.put("kafka.ssl.truststore.password", STORE_PASSWORD);
        settings.put("kafka.ssl.truststore.type", "PKCS12");
        return settings;
    }

    @Test
    void everyServiceWorksOverSaslSslAndAMessageComesBackAsADeliveryReport(@TempDir Path data) {
        try (RelayPlatform platform = PlatformUnderTest.start(securedClientSettings(data, GRANTED_PREFIX, PASSWORD));
             TopicTail<DeliveryReport> reports = new TopicTail<>(broker.bootstrapServers(), PlatformUnderTest.topics(platform).deliveryReports())) {
            AcsClient client = new AcsClient(platform);
            HttpResponse<String> answer = client.send(PlatformUnderTest.TOLL_FREE,
                    List.of("+14255550181", "+14255550182"), "Over SASL_SSL");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            Set<String> ids = Set.copyOf(AcsClient.messageIds(answer));

            await().atMost(WAIT).untilAsserted(() -> assertThat(reports.values().stream()
                    .filter(report -> ids.contains(report.getMessageId().toString()))
                    .collect(Collectors.toMap(report -> report.getMessageId().toString(), DeliveryReport::getDeliveryStatus)))
                    .isEqualTo(ids.stream().collect(Collectors.toMap(id -> id, id -> DeliveryStatus.Delivered))));

            // An opt-out through the API crosses the API's command producer, the opt-out processor and the API's table.
            String optOut = "{\"from\":\"" + PlatformUnderTest.TOLL_FREE + "\",\"recipients\":[{\"to\":\"+14255550183\"}]}";
            HttpResponse<String> added = client.post("/sms/optouts:add?api-version=2026-01-23", optOut);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
            HttpResponse<String> checked = client.post("/sms/optouts:check?api-version=2026-01-23", optOut);
            assertThat(checked.body()).contains("\"isOptedOut\":true");
        }
    }

    @Test
    void aWrongPasswordStopsTheStartWithAnAuthenticationError(@TempDir Path data) {
        long begin = System.nanoTime();
        assertThatThrownBy(() -> PlatformUnderTest.start(securedClientSettings(data, "refused.", "not-the-password")).close())
                .hasMessageStartingWith("the Kafka cluster refused Relay's credentials (kafka.sasl.mechanism, kafka.sasl.jaas.config)")
                .hasMessageContaining("invalid credentials with SASL mechanism SCRAM-SHA-512");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(WAIT);
    }

    @Test
    void aBrokerCertificateTheTruststoreDoesNotHoldStopsTheStartNamingTheTruststore(@TempDir Path data) throws Exception {
        Map<String, String> settings = securedClientSettings(data, "untrusted.", PASSWORD);
        Path otherCertificate = writeStore(folder.resolve("other-truststore.p12"), store -> store.setCertificateEntry("other",
                SelfSignedCertificate.generate(List.of("localhost", "127.0.0.1"), Instant.now()).certificate()));
        settings.put("kafka.ssl.truststore.location", otherCertificate.toString());
        assertThatThrownBy(() -> PlatformUnderTest.start(settings).close())
                .hasMessageContaining("the TLS handshake with the Kafka cluster failed")
                .hasMessageContaining("Path does not chain with any of the trust anchors")
                .hasMessageContaining("kafka.ssl.truststore.location");
    }

    @Test
    void aPrefixTheUserHasNoAclsForStopsTheStartSayingWhichPermissionsAreNeeded(@TempDir Path data) {
        assertThatThrownBy(() -> PlatformUnderTest.start(securedClientSettings(data, "ungranted.", PASSWORD)).close())
                .hasMessageContaining("cannot create topic ungranted.")
                .hasMessageContaining("Relay's Kafka user lacks a permission")
                .hasMessageContaining("grant ALL on those three prefixed resource patterns");
    }

    @Test
    void aMissingGroupGrantStopsTheStartSayingWhichGrantsAreNeeded(@TempDir Path data) {
        long begin = System.nanoTime();
        assertThatThrownBy(() -> PlatformUnderTest.start(securedClientSettings(data, NO_GROUPS_PREFIX, PASSWORD)).close())
                .hasStackTraceContaining("Relay's Kafka user lacks a permission: Not authorized to access group")
                .hasStackTraceContaining("grant ALL on those three prefixed resource patterns");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(WAIT);
    }

    private interface StoreFiller {
        void fill(KeyStore store) throws Exception;
    }

    private static Path writeStore(Path file, StoreFiller filler) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        filler.fill(store);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
