package org.liasse.api.peer;

import java.time.Instant;

/**
 * An organisation's consent that a peer server brings in its dossiers from this server.
 *
 * @param siren     organisation
 * @param peer      peer server name
 * @param grantedBy login of who granted it
 * @param at        when
 */
public record Consent(String siren, String peer, String grantedBy, Instant at) {
}
