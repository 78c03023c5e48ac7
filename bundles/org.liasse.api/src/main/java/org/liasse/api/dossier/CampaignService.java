package org.liasse.api.dossier;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Stores yearly campaigns. */
@ProviderType
public interface CampaignService {

    /** All campaigns, newest first. */
    List<Campaign> list();

    /** The campaign of one year. */
    Optional<Campaign> find(int year);

    /** Creates a campaign; refuses a duplicate year or a deadline before the opening. */
    Campaign create(Campaign campaign);

    /** Moves a campaign to another state; dossiers of a campaign that is not open are read-only. */
    Campaign changeState(int year, CampaignState state);
}
