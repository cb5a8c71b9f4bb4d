package io.relaysms.dispatcher.smpp;

import io.relaysms.dispatcher.carrier.SubmitOutcome;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Sorts an SMPP 3.4 command_status (section 5.1.3) into the closed set of {@link SubmitOutcome}s. Throttled:
 * ESME_RTHROTTLED (0x58) and ESME_RMSGQFUL (0x14). Retryable: ESME_RSYSERR (0x08), ESME_RINVBNDSTS (0x04, the
 * session is being re-bound), ESME_RSUBMITFAIL (0x45), ESME_RX_T_APPN (0x64, temporary application error),
 * ESME_RDELIVERYFAILURE (0xFE) and ESME_RUNKNOWNERR (0xFF). Every other status is permanent. A carrier's own
 * codes for "slow down" or "try later" are added from its configuration.
 */
public final class CommandStatusClassifier {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x01, "ESME_RINVMSGLEN"), Map.entry(0x02, "ESME_RINVCMDLEN"), Map.entry(0x03, "ESME_RINVCMDID"),
            Map.entry(0x04, "ESME_RINVBNDSTS"), Map.entry(0x08, "ESME_RSYSERR"), Map.entry(0x0A, "ESME_RINVSRCADR"),
            Map.entry(0x0B, "ESME_RINVDSTADR"), Map.entry(0x14, "ESME_RMSGQFUL"), Map.entry(0x45, "ESME_RSUBMITFAIL"),
            Map.entry(0x48, "ESME_RINVSRCTON"), Map.entry(0x49, "ESME_RINVSRCNPI"), Map.entry(0x50, "ESME_RINVDSTTON"),
            Map.entry(0x51, "ESME_RINVDSTNPI"), Map.entry(0x58, "ESME_RTHROTTLED"), Map.entry(0x61, "ESME_RINVSCHED"),
            Map.entry(0x62, "ESME_RINVEXPIRY"), Map.entry(0x64, "ESME_RX_T_APPN"), Map.entry(0x65, "ESME_RX_P_APPN"),
            Map.entry(0x66, "ESME_RX_R_APPN"), Map.entry(0xC1, "ESME_RINVOPTPARSTREAM"), Map.entry(0xC4, "ESME_RINVOPTPARAMVAL"),
            Map.entry(0xFE, "ESME_RDELIVERYFAILURE"), Map.entry(0xFF, "ESME_RUNKNOWNERR"));

    private final Set<Integer> throttled = new HashSet<>(Set.of(0x58, 0x14));
    private final Set<Integer> retryable = new HashSet<>(Set.of(0x08, 0x04, 0x45, 0x64, 0xFE, 0xFF));

    public CommandStatusClassifier(Set<Integer> extraThrottled, Set<Integer> extraRetryable) {
        throttled.addAll(extraThrottled);
        retryable.addAll(extraRetryable);
        retryable.removeAll(extraThrottled);
    }

    public SubmitOutcome classify(int commandStatus) {
        if (commandStatus == 0) {
            return new SubmitOutcome.Accepted();
        }
        String description = describe(commandStatus);
        if (throttled.contains(commandStatus)) {
            return new SubmitOutcome.Throttled(commandStatus, description);
        }
        if (retryable.contains(commandStatus)) {
            return new SubmitOutcome.Retryable(commandStatus, description);
        }
        return new SubmitOutcome.Permanent(commandStatus, description);
    }

    public static String describe(int commandStatus) {
        return NAMES.getOrDefault(commandStatus, "command_status") + String.format(" (0x%08X)", commandStatus);
    }
}
