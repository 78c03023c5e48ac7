package org.liasse.api.definition;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * A computed-cell expression compiled by the extender when the plugin loads, never re-parsed afterwards.
 * Semantics (see {@code docs/plugins.md}): an empty cell counts as 0, but the result is empty when every referenced
 * cell is empty; a division by zero gives an empty result.
 */
public interface Formula {

    /** The expression as the plugin wrote it. */
    String source();

    /** Codes of the cells it reads, ranges expanded, in order of first appearance. */
    List<String> references();

    /**
     * Evaluates the formula.
     *
     * @param values the number held by a cell, {@code null} when it is empty
     * @return the result, {@code null} when empty
     */
    BigDecimal evaluate(Function<String, BigDecimal> values);

    /**
     * The expression as a tree of JSON-friendly lists, for clients that recompute totals as users type:
     * {@code ["num","1.5"]}, {@code ["ref","F.R.C"]}, {@code ["neg",x]}, {@code ["+",a,b]} (also - * /),
     * {@code ["sum",x…]}, {@code ["min",x…]}, {@code ["max",x…]}, {@code ["abs",x]}, {@code ["round",x,n]}.
     */
    List<Object> tree();
}
