package org.liasse.api.workflow;

import java.util.List;

import org.liasse.api.definition.StepDefinition;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;

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
        return workflow.step(step);
    }

    /** The step a dossier would enter next, or {@code null} at the last step. */
    public StepDefinition next() {
        int index = workflow.index(step);
        return index + 1 < workflow.steps().size() ? workflow.steps().get(index + 1) : null;
    }

    /**
     * Whether entering the next step signs the dossier's statement: the step that needs the signing right, or the
     * transmitting step of a workflow without one.
     */
    public boolean nextSigns() {
        StepDefinition next = next();
        return next != null && (Rights.SIGN.equals(next.right()) || nextTransmits()
            && workflow.steps().stream().noneMatch(s -> Rights.SIGN.equals(s.right())));
    }

    /** Whether entering the next step transmits the dossier to its recipients. */
    public boolean nextTransmits() {
        StepDefinition next = next();
        return next != null && Rights.TRANSMIT.equals(next.right());
    }

    /** Whether data entry is closed: the dossier has passed its first step. */
    public boolean protectedFromEntry() {
        return workflow.index(step) > 0;
    }

    /** Whether a caller may move the dossier to its next step: a member holding its right (guards apart). */
    public boolean mayAdvance(Caller caller) {
        StepDefinition next = next();
        return !caller.operator() && next != null && caller.rights().contains(next.right());
    }

    /** Whether a caller may reopen the dossier: a member holding the current step's right, on an unlocked step. */
    public boolean mayReopen(Caller caller) {
        return !caller.operator() && protectedFromEntry() && !workflow.locked(step)
            && caller.rights().contains(current().right());
    }

    /**
     * Whether a caller may send the dossier back: partner staff who change things (campaign managers,
     * super-administrators; support only reads), once the dossier is past entry and visible.
     */
    public boolean maySendBack(Caller caller) {
        return (caller.operatorRoles().contains(OperatorRole.CAMPAIGN_MANAGER)
            || caller.operatorRoles().contains(OperatorRole.SUPER_ADMIN))
            && protectedFromEntry() && workflow.visibleToPartner(step);
    }
}
