package org.liasse.api.definition;

/** How a failing control affects a dossier. */
public enum Severity {
    /** Blocks the save: the value has the wrong format. */
    FORMAT,
    /** Blocks the next workflow step until corrected. */
    ERROR,
    /** Must be justified by the user before transmission. */
    WARNING,
    /** For information only. */
    INFO
}
