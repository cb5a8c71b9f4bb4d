package io.relaysms.simulator.smpp;

import io.relaysms.simulator.behaviour.Behaviour;
import io.relaysms.simulator.record.Submission;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * The answer to an accepted submit_sm, carrying what happens next (the recorded submission, its numeric
 * carrier id and the behaviour that applies) to the moment jSMPP reports the response written, so that no
 * receipt can overtake its submit_sm_resp.
 */
public final class AcceptedSubmit extends SubmitSmResult {

    private final Submission submission;
    private final long idNumber;
    private final Behaviour behaviour;

    AcceptedSubmit(MessageId messageId, Submission submission, long idNumber, Behaviour behaviour) {
        super(messageId, OptionalParameters.EMPTY_OPTIONAL_PARAMETERS);
        this.submission = submission;
        this.idNumber = idNumber;
        this.behaviour = behaviour;
    }

    public Submission submission() {
        return submission;
    }

    public long idNumber() {
        return idNumber;
    }

    public Behaviour behaviour() {
        return behaviour;
    }
}
