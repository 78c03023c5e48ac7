package org.liasse.api.verification;

/** Progress of a re-verification after the controls changed. */
public enum ImpactState {
    /** Dossiers are being re-verified. */
    RUNNING,
    /** Every verified dossier was re-verified and the impact is complete. */
    DONE,
    /** The re-verification stopped on an error; the runs stored before it are kept. */
    FAILED,
    /**
     * The server stopped (a crash, a kill) while it ran; the runs stored before it are kept, and it was run again at
     * the next start for the dossiers it had not re-verified yet.
     */
    INTERRUPTED
}
