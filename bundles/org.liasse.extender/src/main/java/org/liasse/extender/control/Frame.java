package org.liasse.extender.control;

import java.math.BigDecimal;

/**
 * One dossier's values prepared for evaluation, by slot: numbers and booleans as fixed-point longs (with
 * {@link Values} sentinels), exact numbers that do not fit, texts and dates. Built once per dossier by
 * {@link Layout#prepare}; evaluation only reads arrays.
 */
public final class Frame {

    final long[] numbers;
    final BigDecimal[] decimals;
    final String[] texts;
    final String[] unreadable;

    Frame(int slots) {
        numbers = new long[slots];
        decimals = new BigDecimal[slots];
        texts = new String[slots];
        unreadable = new String[slots];
    }

    /** The error raised when a rule reads a stored value that is not of its cell's type. */
    RuleError unreadable(int slot) {
        return new RuleError(unreadable[slot]);
    }
}
