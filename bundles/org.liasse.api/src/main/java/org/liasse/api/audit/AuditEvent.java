package org.liasse.api.audit;

/**
 * Something to record in the audit log.
 *
 * @param action        stable action code, e.g. {@code connexion.reussie}, {@code droits.modifies}, {@code PATCH /dossiers/{id}/values}
 * @param actor         login of who did it, or {@code anonyme}
 * @param remoteAddress where the request came from
 * @param siren         organisation concerned, or {@code null} for platform-wide events
 * @param target        what was acted on, e.g. a login, a dossier id, a path
 * @param details       short French or JSON description of what changed, never a password or a token
 */
public record AuditEvent(String action, String actor, String remoteAddress, String siren, String target, String details) {
}
