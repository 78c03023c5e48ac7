package org.liasse.api.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A yearly collection round for accounting year {@code year}.
 *
 * @param year           accounting year (exercice) collected
 * @param label          French label
 * @param opening        opening date
 * @param deadline       closing date
 * @param state          current state
 * @param questionnaires questionnaires collected, each with its deadline; empty when the campaign accepts every
 *                       active questionnaire that applies to its year, with the campaign's deadline
 * @param revision       incremented at each change; the REST layer exposes it as the ETag
 */
public record Campaign(int year, String label, LocalDate opening, LocalDate deadline, CampaignState state,
                       List<CampaignQuestionnaire> questionnaires, long revision) {

    /** Defensive copy. */
    public Campaign {
        questionnaires = List.copyOf(questionnaires);
    }

    /** A new campaign without a questionnaire list yet. */
    public Campaign(int year, String label, LocalDate opening, LocalDate deadline, CampaignState state) {
        this(year, label, opening, deadline, state, List.of(), 1);
    }

    /** Whether the campaign collects this questionnaire, and with which version and deadline. */
    public Optional<CampaignQuestionnaire> questionnaire(String code) {
        if (questionnaires.isEmpty()) {
            return Optional.of(new CampaignQuestionnaire(code, null, deadline));
        }
        return questionnaires.stream().filter(q -> q.code().equals(code)).findFirst();
    }
}
