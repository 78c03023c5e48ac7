package org.liasse.storage;

import java.util.List;

import javax.persistence.EntityManager;

import org.liasse.api.error.LiasseException;

/**
 * The revisions of what is written apart from a dossier's values or an organisation's record (migration V021): a
 * write names the revision it read ({@code If-Match}) and raises it by one, under the row's lock; a stale one gets
 * 412 {@code revision-perimee}.
 */
enum PartRevision {

    /** A dossier's recipient choices. */
    CHOICES("dossier", "choice_revision", "id", "Les destinataires choisis pour ce dossier ont été modifiés"),
    /** A dossier's justifications of warnings. */
    JUSTIFICATIONS("dossier", "justification_revision", "id", "Les justifications de ce dossier ont été modifiées"),
    /** A dossier's attachments. */
    ATTACHMENTS("dossier", "attachment_revision", "id", "Les pièces jointes de ce dossier ont été modifiées"),
    /** An organisation's consents to peers. */
    CONSENTS("organisation", "consent_revision", "siren",
        "Les autorisations de cette organisation ont été modifiées");

    private final String table;
    private final String column;
    private final String key;
    private final String changed;

    PartRevision(String table, String column, String key, String changed) {
        this.table = table;
        this.column = column;
        this.key = key;
        this.changed = changed;
    }

    /** The current revision; {@code 0} when there is no such dossier or organisation. */
    long read(EntityManager em, Object id) {
        List<?> rows = em.createNativeQuery("SELECT " + column + " FROM " + table + " WHERE " + key + " = ?")
            .setParameter(1, id).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** Raises the revision from {@code expected}; 412 when it is no longer the current one. */
    void advance(EntityManager em, Object id, long expected) {
        int updated = em.createNativeQuery("UPDATE " + table + " SET " + column + " = " + column + " + 1 WHERE "
            + key + " = ? AND " + column + " = ?").setParameter(1, id).setParameter(2, expected).executeUpdate();
        if (updated == 0) {
            throw new LiasseException(412, "revision-perimee", changed + " entre-temps (révision attendue " + expected
                + ", actuelle " + read(em, id) + ") : rechargez la page.");
        }
    }

    /** Raises the revision of a write that needs no {@code If-Match} (an upload adds, it changes nothing read). */
    void raise(EntityManager em, Object id) {
        em.createNativeQuery("UPDATE " + table + " SET " + column + " = " + column + " + 1 WHERE " + key + " = ?")
            .setParameter(1, id).executeUpdate();
    }
}
