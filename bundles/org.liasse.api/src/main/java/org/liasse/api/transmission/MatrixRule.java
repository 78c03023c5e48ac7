package org.liasse.api.transmission;

import java.util.Set;

/**
 * One cell of the transmission matrix.
 *
 * @param questionnaire     questionnaire code
 * @param target            recipient code, or the name of a territorial {@link RecipientKind} (e.g.
 *                          {@code PREFET_DEPARTEMENT}: the prefect of the organisation's département)
 * @param rule              mandatory, allowed or forbidden
 * @param organisationTypes organisation types the rule applies to; empty for all. For other types the recipient is
 *                          forbidden.
 */
public record MatrixRule(String questionnaire, String target, RuleKind rule, Set<String> organisationTypes) {

    /** Defensive copy. */
    public MatrixRule {
        organisationTypes = organisationTypes == null ? Set.of() : Set.copyOf(organisationTypes);
    }
}
