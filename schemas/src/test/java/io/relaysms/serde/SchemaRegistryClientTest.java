package io.relaysms.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.SampleRecords;
import io.relaysms.schemas.SmsRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientTest {

    private FaithfulSchemaRegistry registry;

    @BeforeEach
    void startRegistry() throws Exception {
        registry = new FaithfulSchemaRegistry(null);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private SchemaRegistryClient client() {
        return new SchemaRegistryClient(registry.url(), Optional.empty(), Duration.ofSeconds(5));
    }

    @Test
    void registersASchemaAndResolvesItsIdBack() {
        int id = client().register("sms-requests-value", SmsRequest.getClassSchema());

        assertThat(client().schemaById(id).toString()).isEqualTo(SmsRequest.getClassSchema().toString());
    }

    @Test
    void registeringTwiceOrUnderAnotherSubjectGivesTheSameId() {
        int first = client().register("sms-requests-value", SmsRequest.getClassSchema());

        assertThat(client().register("sms-requests-value", SmsRequest.getClassSchema())).isEqualTo(first);
        assertThat(client().register("other-value", SmsRequest.getClassSchema())).isEqualTo(first);
        assertThat(client().register("sms-delivery-reports-value", DeliveryReport.getClassSchema())).isNotEqualTo(first);
    }

    @Test
    void anUnknownIdIsA404WithTheRegistrysErrorCode() {
        assertThatThrownBy(() -> client().schemaById(999))
                .isInstanceOfSatisfying(SchemaRegistryClient.SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("error 40403")
                .hasMessageContaining("Schema 999 not found");
    }

    @Test
    void serdeThroughTheRegistryFramesTheRegistrysIdAndCallsItOnce() {
        Map<String, Object> settings = Map.of(SerdeSettings.REGISTRY_URL, registry.url());
        AvroSerializer<SmsRequest> serializer = new AvroSerializer<>();
        serializer.configure(settings, false);
        AvroDeserializer<SmsRequest> deserializer = new AvroDeserializer<>();
        deserializer.configure(settings, false);

        byte[] first = serializer.serialize("sms-requests", SampleRecords.smsRequest());
        byte[] second = serializer.serialize("sms-requests", SampleRecords.smsRequest());

        int id = ByteBuffer.wrap(first, 1, 4).getInt();
        assertThat(id).isEqualTo(registry.register("sms-requests-value", SmsRequest.getClassSchema().toString()));
        assertThat(deserializer.deserialize("sms-requests", first)).isEqualTo(SampleRecords.smsRequest());
        assertThat(deserializer.deserialize("sms-requests", second)).isEqualTo(SampleRecords.smsRequest());
        // one registration for two writes, one lookup for two reads
        assertThat(registry.requests).containsExactly("POST /subjects/sms-requests-value/versions", "GET /schemas/ids/" + id);
    }

    @Test
    void aDeserializerFetchesASchemaItHasNotSeenFromTheRegistry() {
        int id = registry.register("sms-requests-value", SmsRequest.getClassSchema().toString());
        AvroSerializer<SmsRequest> writer = new AvroSerializer<>(new RegistrySchemaIds(client()));
        byte[] bytes = writer.serialize("sms-requests", SampleRecords.smsRequest());
        AvroDeserializer<SmsRequest> reader = new AvroDeserializer<>();
        reader.configure(Map.of(SerdeSettings.REGISTRY_URL, registry.url()), false);
        registry.requests.clear();

        assertThat(reader.deserialize("sms-requests", bytes)).isEqualTo(SampleRecords.smsRequest());
        assertThat(registry.requests).containsExactly("GET /schemas/ids/" + id);
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsADecodingErrorNamingIt() {
        AvroDeserializer<SmsRequest> reader = new AvroDeserializer<>();
        reader.configure(Map.of(SerdeSettings.REGISTRY_URL, registry.url()), false);

        assertThatThrownBy(() -> reader.deserialize("sms-requests", new byte[] {0, 0, 0, 3, (byte) 0xE7, 0}))
                .isInstanceOf(AvroDecodingException.class)
                .hasMessageContaining("schema id 999")
                .hasMessageContaining("40403");
    }

    @Test
    void sendsBasicCredentialsWhenConfigured() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString("svc:s3cret".getBytes());
        try (FaithfulSchemaRegistry secured = new FaithfulSchemaRegistry(expected)) {
            AvroSerializer<SmsRequest> withCredentials = new AvroSerializer<>();
            withCredentials.configure(Map.of(SerdeSettings.REGISTRY_URL, secured.url(),
                    SerdeSettings.REGISTRY_USER_INFO, new Password("svc:s3cret")), false);
            AvroSerializer<SmsRequest> without = new AvroSerializer<>();
            without.configure(Map.of(SerdeSettings.REGISTRY_URL, secured.url()), false);

            assertThat(withCredentials.serialize("sms-requests", SampleRecords.smsRequest())).isNotEmpty();
            assertThatThrownBy(() -> without.serialize("sms-requests", SampleRecords.smsRequest()))
                    .hasMessageContaining("401");
        }
    }

    @Test
    void anUnreachableRegistryIsNamedInTheError() {
        String nobody = registry.url();
        registry.close();

        assertThatThrownBy(() -> new SchemaRegistryClient(nobody, Optional.empty(), Duration.ofSeconds(2))
                .register("s-value", SmsRequest.getClassSchema()))
                .hasMessageContaining("no schema registry reachable at [" + nobody + "/]");
    }

    @Test
    void triesTheNextUrlWhenTheFirstCannotBeReached() throws Exception {
        try (FaithfulSchemaRegistry down = new FaithfulSchemaRegistry(null)) {
            String deadUrl = down.url();
            down.close();
            SchemaRegistryClient client = new SchemaRegistryClient(deadUrl + "," + registry.url(), Optional.empty(), Duration.ofSeconds(2));

            assertThat(client.register("s-value", SmsRequest.getClassSchema())).isPositive();
        }
    }
}
