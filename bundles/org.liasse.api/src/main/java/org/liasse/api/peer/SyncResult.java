package org.liasse.api.peer;

import java.util.List;

/**
 * What one transfer did.
 *
 * @param transferId     the transfer's id, chosen by the requesting server and reused on retries
 * @param peer           the server the values came from
 * @param sourceRevision revision of the source dossier the values were read at
 * @param digest         SHA-256 of the canonical transferred data, hexadecimal, checked on both sides
 * @param revision       revision of the receiving dossier afterwards
 * @param changes        cells written (before and after)
 * @param conflicts      cells edited locally since the last transfer, left as they are
 * @param outcome        {@code applique}, {@code aucun-changement} or {@code deja-applique}
 */
public record SyncResult(String transferId, String peer, long sourceRevision, String digest, long revision,
                         List<SyncedCell> changes, List<SyncedCell> conflicts, String outcome) {

    /** Defensive copies. */
    public SyncResult {
        changes = List.copyOf(changes);
        conflicts = List.copyOf(conflicts);
    }
}
