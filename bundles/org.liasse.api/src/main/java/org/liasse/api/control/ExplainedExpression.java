package org.liasse.api.control;

import java.util.List;

/**
 * One sub-expression of a rule and its value on a dossier.
 *
 * @param text  the sub-expression as written in the rule (for an aggregate or a range, as written where it is used)
 * @param value its value as a French text: a number ({@code 1 234,5}), {@code vrai} / {@code faux} for a
 *              condition, {@code non applicable} for a condition that does not apply, {@code (vide)} for an empty
 *              value, or the error for a sub-expression that failed
 * @param parts its operands, in order
 */
public record ExplainedExpression(String text, String value, List<ExplainedExpression> parts) {

    /** Defensive copy. */
    public ExplainedExpression {
        parts = List.copyOf(parts);
    }
}
