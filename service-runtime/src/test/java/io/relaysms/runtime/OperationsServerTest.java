package io.relaysms.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OperationsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(OperationsServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answers503NamingTheFailingCheckUntilItRecovers() throws Exception {
        AtomicBoolean carrierBound = new AtomicBoolean(false);
        HealthChecks checks = new HealthChecks()
                .register("kafka", () -> HealthChecks.Status.up("connected"))
                .register("carrier", () -> carrierBound.get() ? HealthChecks.Status.up("bound")
                        : HealthChecks.Status.down("no session bound"));
        try (OperationsServer server = OperationsServer.start("127.0.0.1", 0, checks,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
            HttpResponse<String> down = get(server, "/health");
            carrierBound.set(true);
            HttpResponse<String> up = get(server, "/health");

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("no session bound");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void servesMetricsInPrometheusFormat() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("relay.test.sent").increment(3);
        try (OperationsServer server = OperationsServer.start("127.0.0.1", 0, new HealthChecks(), registry)) {
            HttpResponse<String> metrics = get(server, "/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("relay_test_sent_total 3.0");
        }
    }
}
