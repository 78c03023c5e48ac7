package org.liasse.api.identity;

import java.util.Optional;

/**
 * What a request presents to prove who it comes from.
 *
 * @param sessionToken value of the session cookie, if any
 * @param bearerToken  personal API token from {@code Authorization: Bearer}, if any
 * @param remoteAddress client address, for audit and rate limiting
 */
public record Credentials(Optional<String> sessionToken, Optional<String> bearerToken, String remoteAddress) {
}
