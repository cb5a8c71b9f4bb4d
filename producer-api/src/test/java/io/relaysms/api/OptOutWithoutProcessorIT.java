package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** With no optout-processor running, an add is stored but cannot be shown applied: the item says so (202). */
class OptOutWithoutProcessorIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    @TempDir
    Path data;

    @Test
    void anAddThatIsNotAppliedInTimeIsAnsweredAcceptedNotApplied() throws Exception {
        Map<String, String> settings = new HashMap<>(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data));
        settings.put("api.optouts.apply-timeout", "300ms");
        try (ApiUnderTest api = ApiUnderTest.start(settings)) {
            HttpResponse<String> response = api.client.post("/sms/optouts:add?api-version=2026-01-23",
                    "{\"from\":\"+18005550100\",\"recipients\":[{\"to\":\"+14255550190\"}]}");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode item = new ObjectMapper().readTree(response.body()).get("value").get(0);
            assertThat(item.get("httpStatusCode").asInt()).isEqualTo(202);
            assertThat(item.get("errorMessage").asText()).contains("not yet applied");
        }
    }
}
