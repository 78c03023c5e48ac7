package org.liasse.api.dossier;

import java.time.LocalDate;

/**
 * A questionnaire a campaign collects, with its own deadline.
 *
 * @param code     questionnaire code
 * @param version  questionnaire version dossiers are created under, or {@code null} for the highest active version
 *                 that applies to the campaign year
 * @param deadline date by which organisations must have filed it
 */
public record CampaignQuestionnaire(String code, String version, LocalDate deadline) {
}
