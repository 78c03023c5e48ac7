package org.liasse.rest;

import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.Caller;

/**
 * What {@link AccessFilter} established about the request being served: the caller (if any), the client address,
 * the organisation acted on and the session cookie. Held for the duration of the request on its thread.
 *
 * @param caller        the authenticated caller, or {@code null}
 * @param remoteAddress client address, behind a trusted proxy the one it forwarded ({@link ClientOrigin})
 * @param secure        whether the client reached the platform over HTTPS
 * @param siren         organisation acted on, or {@code null}
 * @param sessionToken  session cookie value, or {@code null}
 */
record Call(Caller caller, String remoteAddress, boolean secure, String siren, String sessionToken) {

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    static void set(Call call) {
        CURRENT.set(call);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** The call being served. */
    static Call current() {
        Call call = CURRENT.get();
        if (call == null) {
            throw new IllegalStateException("no call in progress");
        }
        return call;
    }

    /** The authenticated caller; the filter guarantees one for non-public methods. */
    Caller requireCaller() {
        if (caller == null) {
            throw new LiasseException(401, "non-authentifie", "Connectez-vous pour accéder à cette ressource.");
        }
        return caller;
    }

    /** Login for the audit log. */
    String actor() {
        return caller == null ? "anonyme" : caller.login();
    }
}
