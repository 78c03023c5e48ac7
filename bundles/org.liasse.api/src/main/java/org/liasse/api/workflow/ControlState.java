package org.liasse.api.workflow;

/** What the latest verification run of a dossier says. */
public enum ControlState {
    /** No dossier, or a dossier never verified. */
    NOT_VERIFIED,
    /** At least one error (or format) control fails or could not be evaluated. */
    ERRORS,
    /** No error, but failing warnings nobody has justified. */
    WARNINGS,
    /** No error and every failing warning justified. */
    OK
}
