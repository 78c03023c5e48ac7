package org.liasse.api.peer;

import java.time.Instant;

/**
 * One line of the sync log: a transfer asked of a peer ({@link #PULL}) or answered to one ({@link #ANSWER}), or a
 * request refused.
 *
 * @param id             identifier ({@code 0} before it is recorded)
 * @param at             when it was recorded or last updated
 * @param direction      {@link #PULL} or {@link #ANSWER}
 * @param peer           the other server
 * @param siren          organisation concerned, {@code null} when the request could not be read
 * @param year           campaign year, {@code 0} when unknown
 * @param questionnaire  questionnaire of this server's dossier, {@code null} when unknown
 * @param transferId     transfer id, {@code null} when the request could not be read
 * @param actor          login of the user who asked, as the requesting server names them
 * @param sourceRevision revision of the source dossier, {@code 0} when unknown
 * @param digest         SHA-256 of the transferred data, {@code null} when nothing was transferred
 * @param result         stable code of the outcome ({@code applique}, {@code envoye}, {@code acquitte}, or an error code)
 * @param detail         French detail
 * @param cells          number of cells written or sent
 */
public record SyncEntry(long id, Instant at, String direction, String peer, String siren, int year, String questionnaire,
                        String transferId, String actor, long sourceRevision, String digest, String result,
                        String detail, int cells) {

    /** Values brought in from a peer. */
    public static final String PULL = "RAPATRIEMENT";
    /** Values sent to a peer. */
    public static final String ANSWER = "ENVOI";
    /** Outcome of a transfer that wrote values. */
    public static final String APPLIED = "applique";
    /** Outcome of a transfer that found nothing to write. */
    public static final String UNCHANGED = "aucun-changement";

    /** Whether an outcome is a transfer that went through ({@link #APPLIED} or {@link #UNCHANGED}). */
    public static boolean wentThrough(String result) {
        return APPLIED.equals(result) || UNCHANGED.equals(result);
    }

    /** The same entry with another outcome. */
    public SyncEntry withResult(String newResult, String newDetail) {
        return new SyncEntry(id, at, direction, peer, siren, year, questionnaire, transferId, actor, sourceRevision,
            digest, newResult, newDetail, cells);
    }
}
