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
     * the blocking controls in the {@code blocking} property).
     */
    WorkflowState advance(long dossierId, long expectedRevision, Caller caller);

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
