package org.liasse.api.workflow;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reminder emails before deadlines: a configured number of days before the deadline of a questionnaire of an open
 * campaign, each organisation whose dossier has not reached the last step is emailed, once per reminder day (what
 * was sent is stored, so that a restart never sends it again). Runs every day, and on demand.
 */
@ProviderType
public interface ReminderService {

    /**
     * Sends today's reminders of a campaign (409 {@code campagne-fermee} when it is not open), limited to one
     * federation's organisations when {@code federation} is not {@code null}; returns what was sent.
     */
    List<SentReminder> remind(int year, String federation);
}
