package org.liasse.api.workflow;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One organisation × questionnaire of a campaign on the completion dashboard.
 *
 * @param siren         organisation SIREN
 * @param name          organisation name
 * @param type          organisation type
 * @param federation    federation code, {@code null} when none
 * @param region        region code, {@code null} when unknown
 * @param department    département code, {@code null} when unknown
 * @param questionnaire questionnaire code
 * @param dossierId     the dossier, {@code null} when the organisation has not initialised it
 * @param step          code of the current step, {@code null} without a dossier
 * @param stepLabel     French label of the current step, {@code null} without a dossier
 * @param stepIndex     position of the current step, from 1; 0 without a dossier
 * @param stepCount     number of steps of the questionnaire's workflow
 * @param lastActivity  last save or transition, {@code null} when none
 * @param control       what the latest verification run says
 * @param errors        failing error controls of that run, {@code null} when not verified
 * @param warnings      failing warnings not justified, {@code null} when not verified
 * @param reverify      the dossier's values changed since that run
 * @param deadline      the questionnaire's deadline in the campaign
 * @param daysLate      days past the deadline for a dossier not at its last step; 0 when not late, and always for a
 *                      voluntary filing
 * @param voluntary     whether the organisation files this questionnaire voluntarily: never late, never reminded
 */
public record CompletionRow(String siren, String name, String type, String federation, String region,
                            String department, String questionnaire, Long dossierId, String step, String stepLabel,
                            int stepIndex, int stepCount, Instant lastActivity, ControlState control, Integer errors,
                            Integer warnings, boolean reverify, LocalDate deadline, int daysLate,
                            boolean voluntary) {

    /** Whether the deadline has passed and the dossier has not reached its last step. */
    public boolean late() {
        return daysLate > 0;
    }

    /** Whether the dossier reached the last step of its workflow. */
    public boolean finished() {
        return stepIndex == stepCount;
    }
}
