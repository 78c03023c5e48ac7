package org.liasse.api.control;

/**
 * Why one control gave its outcome on one dossier.
 *
 * @param outcome    the outcome, as {@link ControlPlan#evaluate} gives it
 * @param expression the rule's expression tree with the value of every sub-expression
 */
public record ControlExplanation(ControlOutcome outcome, ExplainedExpression expression) {
}
