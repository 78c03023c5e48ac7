package org.liasse.api.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Establishes the caller of a request. The core registers one for sessions and API tokens; a single-sign-on
 * plugin (e.g. OIDC) registers another. The REST layer asks each in turn, highest service ranking first.
 */
@ConsumerType
public interface Authenticator {

    /** The caller, or empty when these credentials are not this authenticator's or are not valid. */
    Optional<Caller> authenticate(Credentials credentials);
}
