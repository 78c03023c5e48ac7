package org.liasse.extender.control;

import java.math.BigDecimal;

/**
 * One dossier's values prepared for evaluation, by slot: numbers and booleans as fixed-point longs (with
 * {@link Values} sentinels), exact numbers that do not fit, texts and dates. Built once per dossier by
 * {@link Layout#prepare}; evaluation reads these arrays and keeps the aggregates' values once computed.
 */
public final class Frame {

    final long[] numbers;
    final BigDecimal[] decimals;
    final String[] texts;
    final String[] unreadable;
    /** Aggregates' values by memo slot, fast and exact, with whether each is known yet. */
    final long[] fast;
    final boolean[] fastKnown;
    final BigDecimal[] exact;
    final boolean[] exactKnown;

    Frame(int slots, int memos) {
        numbers = new long[slots];
        decimals = new BigDecimal[slots];
        texts = new String[slots];
        unreadable = new String[slots];
        fast = new long[memos];
        fastKnown = new boolean[memos];
        exact = new BigDecimal[memos];
        exactKnown = new boolean[memos];
    }

    /** The error raised when a rule reads a stored value that is not of its cell's type. */
    RuleError unreadable(int slot) {
        return new RuleError(unreadable[slot]);
    }
}
