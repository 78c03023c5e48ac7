package org.liasse.api.definition;

/** How a campaign report section groups organisations. */
public enum ReportGrouping {
    /** By organisation type (OPH, ESH…). */
    TYPE("Type d'organisme"),
    /** By federation. */
    FEDERATION("Fédération"),
    /** By région of the head office. */
    REGION("Région"),
    /** By département of the head office. */
    DEPARTMENT("Département");

    private final String label;

    ReportGrouping(String label) {
        this.label = label;
    }

    /** French label. */
    public String label() {
        return label;
    }
}
