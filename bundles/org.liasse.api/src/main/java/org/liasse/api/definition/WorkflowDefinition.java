package org.liasse.api.definition;

import java.util.List;

import org.liasse.api.identity.Rights;

/**
 * The steps a dossier of one questionnaire goes through, in order, declared by a plugin in
 * {@code workflows/*.json}. The first step is data entry; once a dossier has passed it, it is protected (read-only)
 * until reopened ("Modifier le dossier") or sent back by the partner.
 *
 * @param questionnaire questionnaire code
 * @param steps         steps in order, at least two
 * @param location      where it was declared ({@code null} for {@link #standard})
 */
public record WorkflowDefinition(String questionnaire, List<StepDefinition> steps, SourceLocation location) {

    /** Defensive copy. */
    public WorkflowDefinition {
        steps = List.copyOf(steps);
    }

    /**
     * The workflow of questionnaires whose plugins declare none: entry, verified, internal validation, reliability
     * check (visible to the partner from then on), signed, transmitted.
     */
    public static WorkflowDefinition standard(String questionnaire) {
        List<StepGuard> clean = List.of(StepGuard.NO_ERROR, StepGuard.WARNINGS_JUSTIFIED);
        return new WorkflowDefinition(questionnaire, List.of(
            new StepDefinition("SAISIE", "Saisie en cours", "", List.of(), false, false),
            new StepDefinition("VERIFIE", "Vérifié", Rights.VERIFY, List.of(StepGuard.NO_ERROR), false, false),
            new StepDefinition("VALIDE", "Validé en interne", Rights.ADVANCE, clean, false, false),
            new StepDefinition("FIABILISE", "Fiabilisé", Rights.ADVANCE, clean, true, false),
            new StepDefinition("SIGNE", "Signé", Rights.SIGN, clean, true, false),
            new StepDefinition("TRANSMIS", "Transmis", Rights.TRANSMIT, clean, true, true)), null);
    }

    /** Position of a step; an unknown or empty code is the first step (a plugin update may drop a step). */
    public int index(String stepCode) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).code().equals(stepCode)) {
                return i;
            }
        }
        return 0;
    }

    /** The step of a code; an unknown or empty code is the first step, as for {@link #index}. */
    public StepDefinition step(String stepCode) {
        return steps.get(index(stepCode));
    }

    /** Whether a dossier at this step is visible to the partner. */
    public boolean visibleToPartner(String stepCode) {
        int index = index(stepCode);
        return steps.subList(0, index + 1).stream().anyMatch(StepDefinition::visibleToPartner);
    }

    /** Whether a dossier at this step can no longer be reopened by its organisation. */
    public boolean locked(String stepCode) {
        int index = index(stepCode);
        return steps.subList(0, index + 1).stream().anyMatch(StepDefinition::locked);
    }
}
