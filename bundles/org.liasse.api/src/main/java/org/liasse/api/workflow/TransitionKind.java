package org.liasse.api.workflow;

/** How a dossier changed step. */
public enum TransitionKind {
    /** The organisation moved it to the next step. */
    ADVANCE,
    /** The organisation chose « Modifier le dossier »: back to data entry. */
    REOPEN,
    /** The partner sent it back to the organisation, with a reason. */
    SEND_BACK
}
