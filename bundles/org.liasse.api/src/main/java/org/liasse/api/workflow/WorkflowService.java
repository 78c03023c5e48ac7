package org.liasse.api.workflow;

import org.liasse.api.identity.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Moves dossiers through the steps their questionnaire's plugin declares. Every transition needs the dossier's
 * current revision (a concurrent change gives 409 {@code dossier-modifie}), is refused on a campaign that is not
 * open (409 {@code campagne-fermee}) and is kept in the dossier's history.
 */
@ProviderType
public interface WorkflowService {

    /** Where a dossier stands, with its history. 404 for an unknown dossier. */
    WorkflowState state(long dossierId);

    /**
     * Moves a dossier to its next step. The caller must be a member of the organisation with the next step's right
     * (403), and the step's guards are checked by a stored verification run (409 {@code controles-bloquants} with
     * the blocking controls in the {@code blocking} property). Entering a step that signs needs the certification
     * (400 {@code certification-requise}) and the caller's password checked again (403
     * {@code reauthentification-requise}; a wrong one counts as a failed sign-in); entering a step that transmits
     * needs the confirmation (400 {@code confirmation-requise}). Nothing moves when one is missing.
     */
    WorkflowState advance(long dossierId, long expectedRevision, Attestation attestation, Caller caller);

    /**
     * The statement that entering the signing step now would sign, rendered as its PDF without a signature, so that
     * the signer reads what they certify. 404 for an unknown dossier.
     */
    byte[] statementPreview(long dossierId, Caller caller);

    /**
     * « Modifier le dossier »: takes a protected dossier back to data entry. Needs the right of the current step
     * (403); refused once the dossier reached a locked step (409 {@code dossier-verrouille}) or when it is still in
     * entry (409 {@code transition-interdite}).
     */
    WorkflowState reopen(long dossierId, long expectedRevision, String reason, Caller caller);

    /**
     * The partner sends a dossier back to data entry with a mandatory reason (422 {@code motif-obligatoire}); only
     * for a dossier the partner can see (409 {@code transition-interdite} otherwise).
     */
    WorkflowState sendBack(long dossierId, long expectedRevision, String reason, Caller caller);
}
