package org.liasse.api.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.dossier.Organisation;

/**
 * Everything a renderer draws one report from, read in bulk beforehand: a renderer never reads storage.
 *
 * @param report         the declaration
 * @param year           campaign year
 * @param campaignLabel  French label of the campaign
 * @param organisation   for a dossier report: the organisation; {@code null} for a campaign report
 * @param perimeter      French description of who is covered, e.g. {@code Fédération OPH} or {@code Toutes les
 *                       fédérations}
 * @param measures       the aggregates and cells the sections show, by code
 * @param years          for a dossier report: the dossier's measures for the campaign year and each previous year
 *                       that has a dossier (up to five), oldest first; empty for a campaign report
 * @param rows           for a campaign report: one row per organisation of the perimeter, by SIREN; empty for a
 *                       dossier report
 * @param generatedAt    when the data was read
 * @param demo           whether the platform runs in demo mode (the data is fictional)
 */
public record ReportData(ReportDefinition report, int year, String campaignLabel, Organisation organisation,
                         String perimeter, Map<String, ReportMeasure> measures, List<ReportYear> years,
                         List<ReportRow> rows, Instant generatedAt, boolean demo) {

    /** Defensive copies. */
    public ReportData {
        measures = Map.copyOf(measures);
        years = List.copyOf(years);
        rows = List.copyOf(rows);
    }

    /** The measure of a code; a code without one is shown as itself. */
    public ReportMeasure measure(String code) {
        return measures.getOrDefault(code, new ReportMeasure(code, code, ""));
    }
}
