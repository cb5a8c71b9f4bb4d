package io.relaysms.benchmarks.api;

import io.relaysms.api.ProducerApiService;
import io.relaysms.config.RelaySettings;
import io.relaysms.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server half of the wrk benchmark ({@code benchmarks/run-producer-api-wrk.sh}): an embedded broker, the API
 * and the bare endpoint in one JVM, as {@link ProducerApiLoad} runs them, but without a load generator inside, so
 * the process's CPU time is the server's (broker included) and an external client (wrk) can push it. Writes
 * {@code api-port}, {@code bare-port} and {@code ready} into the directory given as first argument, then serves
 * until standard input closes. The access key is {@link ProducerApiLoad}'s fixed benchmark key.
 */
public final class ProducerApiServer {

    private ProducerApiServer() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("relay-bench-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data.resolve("kafka")).build().start();
             ProducerApiService api = ProducerApiService.start(RelaySettings.of(ProducerApiLoad.settings(broker.bootstrapServers(), data)));
             BareEndpoint bare = new BareEndpoint()) {
            Files.writeString(out.resolve("api-port"), String.valueOf(api.httpsPort().getAsInt()));
            Files.writeString(out.resolve("bare-port"), String.valueOf(bare.port()));
            Files.writeString(out.resolve("key"), ProducerApiLoad.KEY);
            Files.writeString(out.resolve("ready"), "ready\n", StandardCharsets.US_ASCII);
            while (System.in.read() >= 0) {
                // serve until the script closes our standard input
            }
            var accepted = api.metrics().find("relay.api.send.recipients").tag("result", "accepted").counter();
            var repeats = api.metrics().find("relay.api.send.recipients").tag("result", "repeat").counter();
            var commit = api.metrics().get("relay.api.publish.commit").timer().takeSnapshot();
            var sizes = api.metrics().get("relay.api.publish.batch.records").summary();
            System.out.printf("server: %.0f recipients accepted, %.0f repeats, %d transactions, mean %.1f records each, "
                            + "mean commit %.1f ms%n", accepted == null ? 0 : accepted.count(), repeats == null ? 0 : repeats.count(),
                    commit.count(), sizes.mean(), commit.mean(java.util.concurrent.TimeUnit.MILLISECONDS));
        }
    }
}
