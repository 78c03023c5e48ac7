package org.liasse.api.dossier;

import java.util.Set;

/** Lifecycle of a yearly campaign. */
public enum CampaignState {
    /** Being prepared by operators; organisations cannot file yet. */
    PREPARATION,
    /** Organisations may initialise and fill dossiers. */
    OPEN,
    /** Dossiers are read-only; operators may reopen it. */
    CLOSED,
    /** Kept read-only for consultation (five years). */
    ARCHIVED;

    /** The states this one may move to. */
    public Set<CampaignState> next() {
        return switch (this) {
            case PREPARATION -> Set.of(OPEN);
            case OPEN -> Set.of(CLOSED);
            case CLOSED -> Set.of(OPEN, ARCHIVED);
            case ARCHIVED -> Set.of();
        };
    }
}
