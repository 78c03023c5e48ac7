package org.liasse.api.verification;

import java.time.Instant;
import java.util.List;

/**
 * The impact of a change of the controls of a questionnaire on one open campaign: every dossier verified under other
 * rules is verified again in the background, and each one whose failed controls changed gets a line.
 *
 * @param id                identifier
 * @param questionnaireCode questionnaire whose controls changed
 * @param year              campaign year
 * @param trigger           the plugin change (plugin id and version)
 * @param started           when the re-verification started
 * @param finished          when it ended, {@code null} while it runs
 * @param state             running, done or failed
 * @param error             why it failed, empty otherwise
 * @param dossiers          dossiers re-verified
 * @param affected          dossiers whose failed controls changed (the lines)
 * @param newlyFailing      newly failing controls, all dossiers together
 * @param newlyPassing      newly passing controls, all dossiers together
 * @param readMillis        time spent reading the campaign's values in bulk
 * @param evaluationMillis  time spent evaluating the rules
 * @param storingMillis     time spent storing the new runs and the lines
 * @param lines             one per affected dossier, by dossier id; empty in lists of reports
 */
public record ImpactReport(long id, String questionnaireCode, int year, String trigger, Instant started,
                           Instant finished, ImpactState state, String error, int dossiers, int affected,
                           int newlyFailing, int newlyPassing, long readMillis, long evaluationMillis,
                           long storingMillis, List<ImpactLine> lines) {

    /** Defensive copy. */
    public ImpactReport {
        lines = List.copyOf(lines);
    }
}
