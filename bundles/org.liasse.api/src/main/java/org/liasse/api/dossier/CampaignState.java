package org.liasse.api.dossier;

/** Lifecycle of a yearly campaign. */
public enum CampaignState {
    /** Being prepared by operators; organisations cannot file yet. */
    PREPARATION,
    /** Organisations may initialise and fill dossiers. */
    OPEN,
    /** Dossiers are read-only. */
    CLOSED,
    /** Kept for consultation. */
    ARCHIVED
}
