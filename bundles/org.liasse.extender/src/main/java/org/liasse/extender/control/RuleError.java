package org.liasse.extender.control;

/** A rule that cannot be evaluated on a dossier; the message is French and shown to users. */
public final class RuleError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error without stack trace: it is an outcome, not a bug. */
    public RuleError(String message) {
        super(message, null, false, false);
    }
}
