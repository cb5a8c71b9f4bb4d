package io.relaysms.simulator.smpp;

import java.util.Optional;
import org.jsmpp.SMPPConstant;
import org.jsmpp.session.BindRequest;

/**
 * Decides on a bind as a carrier does: unknown system id, wrong password, too many binds of the account or
 * binds refused for now (maintenance, set at runtime) each get their own command_status.
 */
final class BindAuthenticator {

    private final Accounts accounts;
    private final SessionRegistry sessions;
    private volatile boolean acceptingBinds = true;

    BindAuthenticator(Accounts accounts, SessionRegistry sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    void acceptBinds(boolean accepting) {
        acceptingBinds = accepting;
    }

    boolean acceptingBinds() {
        return acceptingBinds;
    }

    /** The refusal status, or empty when the bind may proceed. */
    Optional<Integer> refusal(BindRequest request) {
        Optional<Account> account = accounts.get(request.getSystemId());
        if (account.isEmpty()) {
            return Optional.of(SMPPConstant.STAT_ESME_RINVSYSID);
        }
        if (!account.get().password().equals(request.getPassword())) {
            return Optional.of(SMPPConstant.STAT_ESME_RINVPASWD);
        }
        if (!acceptingBinds || sessions.count(request.getSystemId()) >= account.get().maxBinds()) {
            return Optional.of(SMPPConstant.STAT_ESME_RBINDFAIL);
        }
        return Optional.empty();
    }
}
