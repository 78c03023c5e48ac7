package org.liasse.api.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * The completion dashboard of a campaign: where each organisation stands for each questionnaire, and how the
 * dossiers listed progressed over time.
 *
 * @param year     campaign year
 * @param today    the date lateness is counted at (Europe/Paris)
 * @param rows     one per organisation × questionnaire matching the query, in its order
 * @param progress one per questionnaire of the rows
 */
public record Completion(int year, LocalDate today, List<CompletionRow> rows, List<Progress> progress) {

    /** Defensive copies. */
    public Completion {
        rows = List.copyOf(rows);
        progress = List.copyOf(progress);
    }
}
