package org.liasse.api.transmission;

import java.time.Instant;

/**
 * A statement signed for a dossier, kept for retention and delivered from the outbox.
 *
 * @param id          identifier
 * @param dossierId   dossier
 * @param revision    dossier revision whose values were signed
 * @param signer      login of the user who signed
 * @param signedAt    when
 * @param timestampAt time certified by the timestamp authority
 * @param level       signature level
 * @param dataDigest  hex SHA-256 of the signed JSON data file
 */
public record SignedStatementInfo(long id, long dossierId, long revision, String signer, Instant signedAt,
                                  Instant timestampAt, String level, String dataDigest) {
}
