package io.relaysms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LifecycleIT {

    @Test
    void closingUnbindsClientsAndStopsEveryThreadItStarted() throws Exception {
        CarrierSimulator simulator = TestSimulators.start();
        SmppTestClient client = SmppTestClient.transceiver(simulator);
        client.submit("18005550100", "15550000001", "before shutdown");

        simulator.close();

        await().until(client::isClosed);
        await().untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.isAlive() && t.getName().startsWith("simulator-")).isEmpty());
    }

    @Test
    void survivesAClientThatDisconnectsWithAWindowInFlight() throws Exception {
        // Long enough that all ten submits are in flight together even when the machine is busy and the client's
        // threads start late; the answers are never awaited, the client leaves first.
        try (CarrierSimulator simulator = TestSimulators.start(Map.of(
                "simulator.behaviour.latency.min-ms", "3000", "simulator.behaviour.latency.max-ms", "3000"))) {
            SmppTestClient leaving = SmppTestClient.transceiver(simulator);
            ExecutorService window = Executors.newFixedThreadPool(10);
            for (int i = 0; i < 10; i++) {
                int n = i;
                window.submit(() -> leaving.submit("18005550100", "15550000001", "in flight " + n));
            }
            await().until(() -> leaving.session.getUnacknowledgedRequests() == 10);
            leaving.session.close();
            window.shutdownNow();

            await().until(() -> simulator.binds().isEmpty());
            await().until(() -> simulator.submissions().size() == 10);
            try (SmppTestClient next = SmppTestClient.transceiver(simulator)) {
                assertThat(next.submit("18005550100", "15550000001", "business as usual")).isNotBlank();
            }
        }
    }
}
