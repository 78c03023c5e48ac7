package org.liasse.api.transmission;

import java.util.List;

import org.liasse.api.identity.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The recipients registry, the transmission matrix of each campaign and the organisations' choices. Every change
 * is audited.
 */
@ProviderType
public interface TransmissionService {

    /** Types of the delivery channels installed, sorted. */
    List<String> channelTypes();

    /** Every recipient, by code. */
    List<Recipient> recipients();

    /**
     * Creates a recipient ({@code expectedRevision} 0; 409 {@code destinataire-existant} if the code is taken) or
     * updates one (its current revision; 409 {@code destinataire-modifie}, 404 when unknown); bad
     * settings for its channel give 422 {@code destinataire-invalide} with one error per problem. Secret settings
     * sent empty keep their stored value.
     */
    Recipient saveRecipient(Recipient recipient, long expectedRevision, Caller caller);

    /** The current matrix of a campaign (404 for an unknown campaign). */
    Matrix matrix(int year);

    /** Every version of a campaign's matrix, newest first. */
    List<Matrix> matrixHistory(int year);

    /**
     * Replaces a campaign's matrix with a new version. Needs the current version (409 {@code matrice-modifiee});
     * unknown questionnaires or targets give 422 {@code matrice-invalide}; refused on an archived campaign.
     */
    Matrix saveMatrix(int year, long expectedVersion, List<MatrixRule> rules, Caller caller);

    /** The recipients a dossier will be delivered to, and the allowed ones the organisation may tick. */
    List<EffectiveRecipient> effective(long dossierId);

    /**
     * The revision of a dossier's recipient choices (their ETag): 1 at first, one more with each choice; 0 for an
     * unknown dossier.
     */
    long choiceRevision(long dossierId);

    /**
     * Ticks or unticks an allowed recipient for a dossier, from the choices' revision {@code expectedRevision}
     * (412 {@code revision-perimee} when they changed since). Unticking a mandatory one gives 422
     * {@code destinataire-obligatoire}, a forbidden one 422 {@code destinataire-interdit}; once transmitted, 409
     * {@code dossier-transmis}.
     */
    List<EffectiveRecipient> choose(long dossierId, String target, boolean chosen, long expectedRevision,
                                    Caller caller);
}
