package io.relaysms.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the API serves must offer exactly the api-versions the server accepts, per operation. */
class ApiVersionTest {

    private static final Map<String, ApiVersion.Operation> OPERATIONS = Map.of(
            "/sms", ApiVersion.Operation.SEND,
            "/sms/optouts:add", ApiVersion.Operation.OPT_OUTS,
            "/sms/optouts:remove", ApiVersion.Operation.OPT_OUTS,
            "/sms/optouts:check", ApiVersion.Operation.OPT_OUTS,
            "/deliveryReports/{messageId}", ApiVersion.Operation.DELIVERY_REPORTS);

    @Test
    void theOpenApiDocumentListsTheVersionsEachOperationAccepts() throws Exception {
        JsonNode paths;
        try (InputStream in = ApiVersion.class.getResourceAsStream("/io/relaysms/api/openapi.json")) {
            paths = new ObjectMapper().readTree(in).get("paths");
        }
        paths.fieldNames().forEachRemaining(path -> assertThat(OPERATIONS.containsKey(path) || !path.startsWith("/sms")
                && !path.startsWith("/deliveryReports")).as("%s is an ACS operation missing from this test", path).isTrue());
        OPERATIONS.forEach((path, operation) -> {
            JsonNode methods = paths.get(path);
            assertThat(methods).as(path).isNotNull();
            methods.forEach(method -> {
                List<String> documented = new ArrayList<>();
                method.get("parameters").forEach(parameter -> {
                    if ("api-version".equals(parameter.path("name").asText())) {
                        parameter.get("schema").get("enum").forEach(version -> documented.add(version.asText()));
                    }
                });
                assertThat(String.join(", ", documented)).as(path).isEqualTo(ApiVersion.supporting(operation));
            });
        });
    }
}
