package org.liasse.api.verification;

/** Progress of a re-verification after the controls changed. */
public enum ImpactState {
    /** Dossiers are being re-verified. */
    RUNNING,
    /** Every verified dossier was re-verified and the impact is complete. */
    DONE,
    /** The re-verification stopped on an error; the runs stored before it are kept. */
    FAILED
}
