package io.relaysms.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.DataSm;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.extra.ProcessRequestException;

/**
 * A plain jSMPP ESME for tests: binds, submits GSM text with a receipt requested, and keeps every
 * deliver_sm it receives.
 */
final class SmppTestClient implements AutoCloseable {

    final SMPPSession session = new SMPPSession();
    final List<DeliverSm> delivered = new CopyOnWriteArrayList<>();

    private SmppTestClient() {
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                delivered.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 3);
            }
        });
    }

    static SmppTestClient bind(CarrierSimulator simulator, BindType type, String systemId, String password) throws IOException {
        SmppTestClient client = new SmppTestClient();
        client.session.setTransactionTimer(5_000);
        client.session.connectAndBind("127.0.0.1", simulator.smppPort(), new BindParameter(type, systemId, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
        return client;
    }

    static SmppTestClient transceiver(CarrierSimulator simulator) throws IOException {
        return bind(simulator, BindType.BIND_TRX, "relay", "relay");
    }

    String submit(String from, String to, String text, OptionalParameter... tlvs) throws Exception {
        return submit(from, to, new ESMClass(), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                text.getBytes(StandardCharsets.US_ASCII), tlvs);
    }

    String submit(String from, String to, ESMClass esmClass, DataCoding coding, byte[] payload, OptionalParameter... tlvs)
            throws Exception {
        return session.submitShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, esmClass, (byte) 0, (byte) 1, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, coding, (byte) 0, payload, tlvs)
                .getMessageId();
    }

    List<DeliverSm> receipts() {
        return delivered.stream().filter(d -> (d.getEsmClass() & 0x04) != 0).toList();
    }

    List<DeliverSm> mobileOriginated() {
        return delivered.stream().filter(d -> (d.getEsmClass() & 0x3C) == 0).toList();
    }

    boolean isClosed() {
        return session.getSessionState() == SessionState.CLOSED;
    }

    @Override
    public void close() {
        if (!isClosed()) {
            session.unbindAndClose();
        }
    }
}
