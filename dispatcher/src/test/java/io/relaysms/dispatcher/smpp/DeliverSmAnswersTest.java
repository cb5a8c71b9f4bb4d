package io.relaysms.dispatcher.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.dispatcher.inbound.InboundSink.InboundStoreException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.Test;

class DeliverSmAnswersTest {

    private static final int DELIVER_SM_RESP = 0x80000005;

    private final CompletableFuture<Void> store = new CompletableFuture<>();
    private final List<Runnable> answerThread = new ArrayList<>();
    private final ByteArrayOutputStream socket = new ByteArrayOutputStream();

    @Test
    void answersOnlyOnceTheReceiptIsStored() throws Exception {
        DeliverSmAnswers answers = new DeliverSmAnswers("test", deliverSm -> store, answerThread::add);

        answers.onAcceptDeliverSm(deliverSm(7));
        answers.sendDeliverSmResp(socket, 0, 7, null); // what jSMPP does when the listener returns
        assertThat(socket.size()).isZero();

        store.complete(null);
        answerThread.forEach(Runnable::run);
        assertThat(answer()).containsExactly(DELIVER_SM_RESP, 0, 7);
        assertThat(answers.inFlight()).isZero();
    }

    @Test
    void answersSystemErrorWhenKafkaCouldNotStoreIt() throws Exception {
        DeliverSmAnswers answers = new DeliverSmAnswers("test", deliverSm -> store, Runnable::run);

        answers.onAcceptDeliverSm(deliverSm(9));
        answers.sendDeliverSmResp(socket, 0, 9, null);
        store.completeExceptionally(new InboundStoreException("Kafka did not acknowledge", null));

        assertThat(answer()).containsExactly(DELIVER_SM_RESP, DeliverSmAnswers.ESME_RSYSERR, 9);
    }

    @Test
    void answersAtOnceWhatTheReceiverRefusedOutright() throws Exception {
        DeliverSmAnswers answers = new DeliverSmAnswers("test", deliverSm -> {
            throw new ProcessRequestException("refused", 0x08);
        }, Runnable::run);

        assertThatThrownBy(() -> answers.onAcceptDeliverSm(deliverSm(3))).isInstanceOf(ProcessRequestException.class);
        answers.sendDeliverSmResp(socket, 0x08, 3, null); // jSMPP answers the exception's status itself

        assertThat(answer()).containsExactly(DELIVER_SM_RESP, 0x08, 3);
        assertThat(answers.inFlight()).isZero();
    }

    @Test
    void keepsTheStoresOfConcurrentDeliveriesApart() throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        List<CompletableFuture<Void>> stores = new ArrayList<>(List.of(first, second));
        DeliverSmAnswers answers = new DeliverSmAnswers("test", deliverSm -> stores.remove(0), Runnable::run);

        answers.onAcceptDeliverSm(deliverSm(1));
        answers.sendDeliverSmResp(socket, 0, 1, null);
        answers.onAcceptDeliverSm(deliverSm(2));
        answers.sendDeliverSmResp(socket, 0, 2, null);
        second.complete(null);
        assertThat(answer()).containsExactly(DELIVER_SM_RESP, 0, 2);

        socket.reset();
        first.complete(null);
        assertThat(answer()).containsExactly(DELIVER_SM_RESP, 0, 1);
    }

    private static DeliverSm deliverSm(int sequenceNumber) {
        DeliverSm deliverSm = new DeliverSm();
        deliverSm.setSequenceNumber(sequenceNumber);
        return deliverSm;
    }

    /** command_id, command_status and sequence_number of the one PDU written. */
    private List<Integer> answer() {
        ByteBuffer pdu = ByteBuffer.wrap(socket.toByteArray());
        assertThat(pdu.getInt()).isEqualTo(pdu.capacity());
        return List.of(pdu.getInt(), pdu.getInt(), pdu.getInt());
    }
}
