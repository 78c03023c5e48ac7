package org.liasse.api.definition;

import java.util.List;

/**
 * One step of a dossier's workflow.
 *
 * @param code             stable code, e.g. {@code VALIDE}
 * @param label            French label, e.g. « Validé en interne »
 * @param right            right an organisation user needs to move a dossier into this step (empty for the first)
 * @param guards           conditions checked when a dossier enters this step
 * @param visibleToPartner from this step on, the partner (federation, ministry) sees the dossier's values
 * @param locked           from this step on, the organisation can no longer reopen the dossier: only the partner
 *                         can send it back
 */
public record StepDefinition(String code, String label, String right, List<StepGuard> guards,
                             boolean visibleToPartner, boolean locked) {

    /** Defensive copy. */
    public StepDefinition {
        right = right == null ? "" : right;
        guards = List.copyOf(guards);
    }
}
