package org.liasse.api.definition;

/** What a report section computes. */
public enum ReportSectionKind {
    /** Dossier: each measure's value for year N and N-1 and their variation (key ratios). */
    RATIOS(ReportScope.DOSSIER),
    /** Dossier: each measure's value over the campaign year and up to five previous years. */
    TREND(ReportScope.DOSSIER),
    /** Dossier: each measure's value for year N and N-1. */
    CELLS(ReportScope.DOSSIER),
    /** Campaign: count, total, minimum, quartiles, median and maximum of each measure, by group. */
    STATISTICS(ReportScope.CAMPAIGN),
    /** Campaign: organisations, dossiers started and dossiers at the workflow's last step, by group. */
    COMPLETION(ReportScope.CAMPAIGN);

    private final ReportScope scope;

    ReportSectionKind(ReportScope scope) {
        this.scope = scope;
    }

    /** The scope of the reports it may appear in. */
    public ReportScope scope() {
        return scope;
    }
}
