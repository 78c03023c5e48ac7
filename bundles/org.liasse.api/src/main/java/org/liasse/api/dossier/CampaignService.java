package org.liasse.api.dossier;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Stores yearly campaigns, their questionnaires and deadlines, and moves them through their states. */
@ProviderType
public interface CampaignService {

    /** All campaigns, newest first. */
    List<Campaign> list();

    /** The campaign of one year. */
    Optional<Campaign> find(int year);

    /**
     * Creates a campaign and records {@code campagne.creee} in the audit log in the same transaction; refuses a
     * duplicate year, a deadline before the opening, or a questionnaire deadline outside the campaign.
     *
     * @param actor who creates it, as recorded in the audit log
     */
    Campaign create(Campaign campaign, String actor);

    /**
     * Changes the label, dates and questionnaires of a campaign (not its state). Refuses a stale revision (412), the
     * removal of a questionnaire that already has dossiers (409), an archived campaign (409) and invalid dates (422).
     */
    Campaign update(Campaign campaign, long expectedRevision);

    /**
     * Moves a campaign to another state: preparation → open → closed → archived, and closed → open to reopen it.
     * Refuses a stale revision (412 {@code revision-perimee}) and any other move (409 with the reason). Dossiers of a
     * campaign that is not open are read-only. The move is recorded ({@code campagne.etat}) in the audit log in the
     * same transaction.
     *
     * @param actor who moves it, as recorded in the audit log
     */
    Campaign changeState(int year, CampaignState state, long expectedRevision, String actor);
}
