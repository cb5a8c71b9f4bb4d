package io.relaysms.dispatcher.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaysms.dispatcher.carrier.OutboundMessage;
import io.relaysms.dispatcher.carrier.SubmitAttempt;
import io.relaysms.dispatcher.carrier.SubmitOutcome;
import io.relaysms.dispatcher.segment.Concatenation;
import io.relaysms.dispatcher.segment.Segmenter;
import io.relaysms.schemas.MessageEncoding;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous submit path against the carrier simulator over a real SMPP session: the window holds, an
 * answer that does not come in time is a timeout that frees its slot, a lost session fails what it had
 * outstanding as retryable at once (not at the timeout), and the parts of a message go out one after the other.
 */
class SmppConnectionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WINDOW = 3;

    private CarrierSimulator carrier;
    private SmppConnection connection;

    @BeforeEach
    void start() {
        carrier = CarrierSimulator.start(SimulatorSettings.of(Map.of("simulator.smpp.port", "0",
                "simulator.admin.port", "0", "simulator.smpp.processor-threads", "16")));
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        carrier.close();
    }

    private SmppConnection connect(long responseTimeoutMillis) throws InterruptedException {
        SmppCarrierSettings settings = new SmppCarrierSettings("sim", "127.0.0.1", carrier.smppPort(), "relay", "relay",
                "", 1, WINDOW, false, false, 0, 30_000, responseTimeoutMillis, 5_000, 100, 200, true,
                Concatenation.UDH, false, Set.of(), Set.of());
        connection = new SmppConnection(settings, new NoDeliveries()).start();
        assertThat(bind().awaitBound(WAIT.toMillis())).isTrue();
        return connection;
    }

    private SmppBind bind() {
        return connection.binds().get(0);
    }

    private static OutboundMessage message(int i, String text) {
        return new OutboundMessage("m-" + i, "+18005550100", "+1425555" + String.format("%04d", i), text,
                new Segmenter().split(text, MessageEncoding.GSM7), false, 0);
    }

    private List<CompletableFuture<SubmitAttempt>> submit(int count) {
        List<CompletableFuture<SubmitAttempt>> attempts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            attempts.add(connection.submit(message(i, "hello " + i)));
        }
        return attempts;
    }

    private static List<SubmitOutcome> outcomes(List<CompletableFuture<SubmitAttempt>> attempts) {
        await().atMost(WAIT).until(() -> attempts.stream().allMatch(CompletableFuture::isDone));
        return attempts.stream().map(a -> a.join().outcome()).toList();
    }

    @Test
    void noMoreSubmitsAreOutstandingThanTheWindowAndTheRestFollowAsAnswersComeBack() throws InterruptedException {
        carrier.putRule("slow", Map.of("prefix", "+1425", "latency.min-ms", "1000"));
        connect(30_000);

        // With room in the window a submit is written before submit() returns, so this is the whole count.
        List<CompletableFuture<SubmitAttempt>> attempts = submit(3 * WINDOW);
        assertThat(bind().boundSession().outstandingCount()).isEqualTo(WINDOW);
        assertThat(attempts).noneMatch(CompletableFuture::isDone);

        assertThat(outcomes(attempts)).allMatch(o -> o instanceof SubmitOutcome.Accepted);
        assertThat(attempts).allMatch(a -> a.join().acceptedIds().size() == 1);
        assertThat(carrier.submissions()).hasSize(3 * WINDOW);
        assertThat(bind().window().availablePermits()).isEqualTo(WINDOW);
    }

    @Test
    void anAnswerThatComesTooLateIsATimeoutAndFreesItsSlot() throws InterruptedException {
        carrier.putRule("late", Map.of("prefix", "+1425", "latency.min-ms", "2000"));
        connect(300);

        List<SubmitOutcome> late = outcomes(submit(WINDOW));

        assertThat(late).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(SubmitOutcome.TimedOut.class,
                t -> assertThat(t.description()).contains("no submit_sm_resp from sim within 300 ms")));
        assertThat(bind().window().availablePermits()).isEqualTo(WINDOW);
        assertThat(bind().boundSession().outstandingCount()).isZero();

        carrier.removeRule("late");
        assertThat(outcomes(submit(WINDOW))).allMatch(o -> o instanceof SubmitOutcome.Accepted);
    }

    @Test
    void aLostSessionFailsItsOutstandingSubmitsAsRetryableWithoutWaitingForTheTimeout() throws InterruptedException {
        carrier.putRule("stuck", Map.of("prefix", "+1425", "latency.min-ms", "600000"));
        connect(600_000);
        long bindsBefore = bind().bindCount();
        List<CompletableFuture<SubmitAttempt>> outstanding = submit(WINDOW);
        List<CompletableFuture<SubmitAttempt>> waiting = submit(WINDOW);
        assertThat(bind().boundSession().outstandingCount()).isEqualTo(WINDOW);

        carrier.dropBinds(false);

        // Ten minutes of latency and of response timeout: only the loss can end these.
        assertThat(outcomes(outstanding)).allSatisfy(o -> assertThat(o).isInstanceOf(SubmitOutcome.Retryable.class));
        assertThat(outcomes(waiting)).allSatisfy(o -> assertThat(o).isInstanceOf(SubmitOutcome.Retryable.class));
        assertThat(bind().window().availablePermits()).isEqualTo(WINDOW);

        carrier.removeRule("stuck");
        await().atMost(WAIT).until(() -> bind().bindCount() > bindsBefore && bind().state() == BindState.BOUND);
        assertThat(outcomes(submit(1))).allMatch(o -> o instanceof SubmitOutcome.Accepted);
    }

    @Test
    void thePartsOfAMessageGoOutInOrderAndAreAllAccepted() throws InterruptedException {
        connect(30_000);

        SubmitAttempt attempt = connection.submit(message(1, "x".repeat(400))).join();

        assertThat(attempt.outcome()).isInstanceOf(SubmitOutcome.Accepted.class);
        assertThat(attempt.acceptedIds()).hasSize(3).doesNotHaveDuplicates();
        assertThat(carrier.submissions()).extracting(s -> s.segment().seqnum()).containsExactly(1, 2, 3);
        assertThat(carrier.submissions()).extracting(s -> s.messageId().orElseThrow())
                .containsExactlyElementsOf(attempt.acceptedIds());
    }

    /** This route asks for no receipts and is sent no MOs. */
    private static final class NoDeliveries implements DeliverSmReceiver {
        @Override
        public CompletableFuture<Void> store(DeliverSm deliverSm) throws ProcessRequestException {
            throw new ProcessRequestException("not expected in this test", 0x08);
        }
    }
}
