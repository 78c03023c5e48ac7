package org.liasse.api.workflow;

import java.util.List;

import org.liasse.api.definition.StepDefinition;

/**
 * Progress of the dossiers of one questionnaire over a campaign, replayed from their transitions: for each day
 * since the campaign opened, how many dossiers had reached each step after data entry (a dossier sent back or
 * reopened counts again from its new step).
 *
 * @param questionnaire questionnaire code
 * @param steps         every step of the questionnaire's workflow, in order
 * @param days          one entry per day, from the campaign's opening to today (or to its closing date when nothing
 *                      changed since)
 */
public record Progress(String questionnaire, List<StepDefinition> steps, List<ProgressDay> days) {

    /** Defensive copies. */
    public Progress {
        steps = List.copyOf(steps);
        days = List.copyOf(days);
    }
}
