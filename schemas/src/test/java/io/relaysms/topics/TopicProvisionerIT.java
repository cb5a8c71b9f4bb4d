package io.relaysms.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.kafka.testing.SharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TopicProvisionerIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(kafka.clientProperties(Map.of()));
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    private TopicCatalog catalog(String prefix) {
        return TopicCatalog.create(new TopicSettings(prefix, 3, (short) -1), Map.of());
    }

    @Test
    void createsEveryTopicWithItsPartitionsAndCleanupPolicy() throws Exception {
        TopicCatalog catalog = catalog(kafka.uniquePrefix());

        TopicProvisioner.Report report = new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(catalog);

        assertThat(report.created()).hasSize(catalog.all().size()).contains(catalog.smsRequests().name(),
                catalog.deadLetters(catalog.smsRequests()).name());
        assertThat(admin.describeTopics(List.of(catalog.dispatchEvents().name())).allTopicNames().get()
                .get(catalog.dispatchEvents().name()).partitions()).hasSize(3);
        ConfigResource optOuts = new ConfigResource(ConfigResource.Type.TOPIC, catalog.optOuts().name());
        assertThat(admin.describeConfigs(List.of(optOuts)).all().get().get(optOuts).get("cleanup.policy").value())
                .isEqualTo("compact");
    }

    @Test
    void runningItAgainCreatesNothingAndVerifiesEverything() {
        TopicCatalog catalog = catalog(kafka.uniquePrefix());
        TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
        provisioner.ensure(catalog);

        TopicProvisioner.Report again = provisioner.ensure(catalog);

        assertThat(again.created()).isEmpty();
        assertThat(again.verified()).hasSize(catalog.all().size());
    }

    @Test
    void refusesAnOptOutTopicThatIsNotCompacted() throws Exception {
        TopicCatalog catalog = catalog(kafka.uniquePrefix());
        admin.createTopics(List.of(new NewTopic(catalog.optOuts().name(), 3, (short) 1)
                .configs(Map.of("cleanup.policy", "delete")))).all().get();

        assertThatThrownBy(() -> new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(catalog))
                .isInstanceOf(TopicProvisioner.TopicMismatchException.class)
                .hasMessageContaining(catalog.optOuts().name() + " must be compacted");
    }

    @Test
    void refusesRequestAndEventTopicsThatAreNotCoPartitioned() throws Exception {
        TopicCatalog catalog = catalog(kafka.uniquePrefix());
        admin.createTopics(List.of(new NewTopic(catalog.dispatchEvents().name(), 5, (short) 1))).all().get();

        assertThatThrownBy(() -> new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(catalog))
                .isInstanceOf(TopicProvisioner.TopicMismatchException.class)
                .hasMessageContaining("must have the same number of partitions")
                .hasMessageContaining("[3, 5]");
    }

    @Test
    void saysWhichClusterDidNotAnswer() {
        try (Admin nowhere = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:1", "request.timeout.ms", "1000",
                "default.api.timeout.ms", "2000"))) {
            assertThatThrownBy(() -> new TopicProvisioner(nowhere, Duration.ofSeconds(2)).ensure(catalog("x.")))
                    .hasMessageContaining("did not answer within 2s");
        }
    }
}
