package org.liasse.api.verification;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Runs and stores the verification of dossiers ("Lancer la vérification"), and keeps the justifications of warnings. */
@ProviderType
public interface VerificationService {

    /**
     * Evaluates every active control and aggregate of the dossier's questionnaire version on its current values,
     * those of year N-1 and those of the organisation's other questionnaires of the campaign, and stores the result.
     * Earlier runs are kept.
     *
     * @throws org.liasse.api.error.LiasseException 404 for an unknown dossier, 409 when no active plugin provides
     *                                              its questionnaire version
     */
    Verification verify(long dossierId, String actor);

    /** The latest run of a dossier, if it was ever verified. */
    Optional<Verification> latest(long dossierId);

    /** Every run of a dossier, newest first, without outcomes: earlier runs stay for audit. */
    List<VerificationSummary> history(long dossierId);

    /**
     * The revision of a dossier's justifications (their ETag): 1 at first, one more with each justification; 0 for
     * an unknown dossier.
     */
    long justificationRevision(long dossierId);

    /**
     * Records why a warning that failed in the latest run is acceptable; replaces an earlier justification.
     * Refuses an empty text (422), a control that is not a failed warning of the latest run (409) and a stale
     * {@code expectedRevision} of the justifications (412 {@code revision-perimee}).
     */
    Justification justify(long dossierId, String controlCode, String text, long expectedRevision, String actor);
}
