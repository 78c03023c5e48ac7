package org.liasse.api.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * A reminder emailed to an organisation about a deadline.
 *
 * @param siren         organisation SIREN
 * @param name          organisation name
 * @param questionnaire questionnaire code
 * @param deadline      the deadline recalled
 * @param daysBefore    the reminder day it was sent for: one of the configured {@code reminder.days}, or the opposite
 *                      of one of {@code reminder.days.after} (-7: seven days after the deadline)
 * @param step          French label of the step the dossier stands at, or « non initialisé »
 * @param recipients    email addresses it was sent to
 */
public record SentReminder(String siren, String name, String questionnaire, LocalDate deadline, int daysBefore,
                           String step, List<String> recipients) {

    /** Defensive copy. */
    public SentReminder {
        recipients = List.copyOf(recipients);
    }
}
