package io.relaysms.dispatcher.smpp;

import java.io.DataInputStream;
import java.io.IOException;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.bean.Command;

/**
 * jSMPP's PDU reader, refusing a command_length no SMPP 3.4 PDU can have. jSMPP allocates whatever the first four
 * bytes say: a carrier host:port that answers something else ("HTTP/1.1 400" reads as 1.2 GB) ran the dispatcher
 * out of heap on every reconnect, and the bind only ever reported a timeout. Refused here, jSMPP answers generic_nack
 * (ESME_RINVCMDLEN) and closes the session, and the bind retries with its backoff.
 */
final class BoundedPduReader extends DefaultPDUReader {

    /** The largest PDU: a submit_sm with a 64 KB message_payload and every other field at its maximum fits well within. */
    static final int MAX_COMMAND_LENGTH = 256 * 1024;

    @Override
    public Command readPDUHeader(DataInputStream in) throws InvalidCommandLengthException, IOException {
        Command header = super.readPDUHeader(in);
        if (header.getCommandLength() > MAX_COMMAND_LENGTH) {
            throw new InvalidCommandLengthException("command_length " + header.getCommandLength() + " is larger than any SMPP PDU ("
                    + MAX_COMMAND_LENGTH + " bytes at most): is the carrier's host:port an SMPP server?");
        }
        return header;
    }
}
