package org.liasse.api.control;

/** The result of one control on one dossier. */
public enum ControlStatus {
    /** The rule holds. */
    PASSED,
    /** The rule does not hold: the message is shown with the severity of the control. */
    FAILED,
    /**
     * The rule does not apply: a value it compares is empty (or a division by zero), or the condition of an
     * {@code if} without {@code else} is false.
     */
    NOT_APPLICABLE,
    /** The rule could not be evaluated (e.g. an unreadable stored value); the message says why. */
    RUNTIME_ERROR
}
