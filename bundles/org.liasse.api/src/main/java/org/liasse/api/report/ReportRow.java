package org.liasse.api.report;

import org.liasse.api.dossier.Organisation;

/**
 * One organisation of a campaign report.
 *
 * @param organisation the organisation (type, federation, territory)
 * @param started      whether its dossier exists
 * @param finished     whether its dossier has reached the last step of its workflow
 * @param values       its dossier's measures for the campaign year (no value when it has no dossier)
 */
public record ReportRow(Organisation organisation, boolean started, boolean finished, ReportYear values) {
}
