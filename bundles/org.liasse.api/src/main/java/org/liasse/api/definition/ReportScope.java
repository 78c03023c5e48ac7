package org.liasse.api.definition;

/** What a report is generated for. */
public enum ReportScope {
    /** One dossier of one organisation. */
    DOSSIER,
    /** A whole campaign, across organisations. */
    CAMPAIGN
}
