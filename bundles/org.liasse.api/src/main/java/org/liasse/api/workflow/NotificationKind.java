package org.liasse.api.workflow;

/** What a notification asks of its user; declared from the most urgent to the least. */
public enum NotificationKind {
    /** The partner sent the dossier back, with a reason. */
    SENT_BACK,
    /** The deadline has passed and the dossier has not reached its last step. */
    LATE,
    /** The user holds the right of the dossier's next step: to verify, validate, sign or transmit. */
    TO_ADVANCE,
    /** The deadline is near and the dossier has not reached its last step. */
    DEADLINE_NEAR,
    /** A dossier the open campaign expects is not initialised yet, and the user may initialise it. */
    TO_INITIALISE
}
