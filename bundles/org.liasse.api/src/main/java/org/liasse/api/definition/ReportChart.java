package org.liasse.api.definition;

/** The chart of a report section. */
public enum ReportChart {
    /** No chart, the table only. */
    NONE,
    /** Vertical bars. */
    BAR,
    /** Lines with markers. */
    LINE
}
