package org.liasse.extender.control;

import static org.liasse.extender.control.Values.EMPTY;
import static org.liasse.extender.control.Values.INEXACT;
import static org.liasse.extender.control.Values.LIMIT;
import static org.liasse.extender.control.Values.UNKNOWN;

/**
 * The rules of a plan compiled to JVM bytecode by {@link ProgramWriter}: one straight-line block per rule, with the
 * slots as constants, so that no node is dispatched and no program is interpreted while rules run. The generated
 * subclass mirrors the fast paths of {@link Nodes} and writes {@link Shapes#HANDOVER} for a rule whenever the
 * closures must decide (a value that needs {@code BigDecimal}, an unreadable value, a shape it does not compile):
 * results never depend on which path ran. The static methods are the small steps the generated code calls; the JIT
 * inlines them.
 */
abstract class Program {

    /**
     * Writes the status of every rule of the plan: {@link Values#TRUE}, {@link Values#FALSE}, {@link Values#UNKNOWN}
     * or {@link Shapes#HANDOVER}.
     */
    abstract void run(Frame frame, long[] numbers, int[] statuses);

    /** The result of an arithmetic operation with a sentinel operand: empty wins, as in {@code Binary.fast}. */
    static long sentinel(long a, long b) {
        return a == EMPTY || b == EMPTY ? EMPTY : INEXACT;
    }

    static long add(long a, long b) {
        return a <= LIMIT || b <= LIMIT ? sentinel(a, b) : Values.add(a, b);
    }

    static long subtract(long a, long b) {
        return a <= LIMIT || b <= LIMIT ? sentinel(a, b) : Values.subtract(a, b);
    }

    static long multiply(long a, long b) {
        return a <= LIMIT || b <= LIMIT ? sentinel(a, b) : Values.multiply(a, b);
    }

    static long divide(long a, long b) {
        return a <= LIMIT || b <= LIMIT ? sentinel(a, b) : Values.divide(a, b);
    }

    /** A division by a constant whose reciprocal is exact. */
    static long byReciprocal(long a, long b, long reciprocal) {
        return a <= LIMIT || b <= LIMIT ? sentinel(a, b) : Values.byReciprocal(a, reciprocal);
    }

    static long negate(long value) {
        return value <= LIMIT ? value : -value;
    }

    static long abs(long value) {
        return value <= LIMIT ? value : Math.abs(value);
    }

    /**
     * One operand of {@code sum}, {@code min} or {@code max} ({@link Nodes.Fold.Kind} ordinal): empty operands are
     * skipped, and a result that needs {@code BigDecimal} stays so.
     */
    static long fold(int kind, long result, long value) {
        if (value == EMPTY) {
            return result;
        }
        if (value == INEXACT || result == INEXACT) {
            return INEXACT;
        }
        if (result == EMPTY) {
            return value;
        }
        return kind == 0 ? Values.add(result, value) : kind == 1 ? Math.min(result, value) : Math.max(result, value);
    }

    /**
     * A relation brought to {@code x <= bound} by {@link Shapes#header}: {@code x} is the difference, its opposite or
     * its absolute value (mode bits 1 and 2), the result inverted by bit 4. Decided without a branch.
     */
    static int holds(long difference, long mode, long bound) {
        long negate = -(mode & 1);
        long x = (mode & 2) != 0 ? Math.abs(difference) : (difference ^ negate) - negate;
        return (x <= bound ? 1 : 0) ^ (int) (mode >> 2);
    }

    /** A condition cell's value. */
    static int truth(long value) {
        return value == EMPTY ? UNKNOWN : (int) value;
    }

    /** {@code and} / {@code or} once the right operand ran: the decisive value wins, else an unknown one. */
    static int logic(int left, int right, int decisive) {
        return right == decisive ? right : left == UNKNOWN || right == UNKNOWN ? UNKNOWN : left;
    }

    static int not(int value) {
        return value == UNKNOWN ? UNKNOWN : 1 - value;
    }
}
