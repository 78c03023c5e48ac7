package org.liasse.api.workflow;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The completion dashboard of a campaign for operators, computed with a few bulk queries whatever the number of
 * organisations: every active organisation × every questionnaire of the campaign.
 */
@ProviderType
public interface CompletionService {

    /** The dashboard of a campaign, filtered and sorted; 404 {@code campagne-inconnue} for an unknown year. */
    Completion completion(int year, CompletionQuery query);
}
