package org.liasse.api.workflow;

import java.util.List;

import org.liasse.api.definition.StepDefinition;
import org.liasse.api.definition.WorkflowDefinition;

/**
 * Where a dossier stands in its workflow.
 *
 * @param dossierId dossier
 * @param revision  dossier revision after the last change (the ETag: transitions need it in {@code If-Match})
 * @param workflow  the steps of its questionnaire
 * @param step      code of the current step
 * @param history   every transition, oldest first
 */
public record WorkflowState(long dossierId, long revision, WorkflowDefinition workflow, String step,
                            List<Transition> history) {

    /** Defensive copy. */
    public WorkflowState {
        history = List.copyOf(history);
    }

    /** The current step. */
    public StepDefinition current() {
        return workflow.steps().get(workflow.index(step));
    }

    /** The step a dossier would enter next, or {@code null} at the last step. */
    public StepDefinition next() {
        int index = workflow.index(step);
        return index + 1 < workflow.steps().size() ? workflow.steps().get(index + 1) : null;
    }

    /** Whether data entry is closed: the dossier has passed its first step. */
    public boolean protectedFromEntry() {
        return workflow.index(step) > 0;
    }
}
