package org.liasse.api.definition;

/** A condition a dossier must meet to enter a workflow step, checked by a verification run at the transition. */
public enum StepGuard {
    /** No control of severity {@link Severity#ERROR} fails (nor stops on a runtime error). */
    NO_ERROR("aucune-erreur"),
    /** Every failing control of severity {@link Severity#WARNING} has a justification. */
    WARNINGS_JUSTIFIED("alertes-justifiees");

    private final String code;

    StepGuard(String code) {
        this.code = code;
    }

    /** The code plugins write in {@code workflows/*.json}. */
    public String code() {
        return code;
    }

    /** The guard of a code, or {@code null} when there is none. */
    public static StepGuard of(String code) {
        for (StepGuard guard : values()) {
            if (guard.code.equals(code)) {
                return guard;
            }
        }
        return null;
    }
}
