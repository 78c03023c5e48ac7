package org.liasse.extender.control;

import static org.liasse.extender.control.Values.EMPTY;
import static org.liasse.extender.control.Values.FALSE;
import static org.liasse.extender.control.Values.INEXACT;
import static org.liasse.extender.control.Values.LIMIT;
import static org.liasse.extender.control.Values.ONE;
import static org.liasse.extender.control.Values.TRUE;
import static org.liasse.extender.control.Values.UNKNOWN;

import java.util.ArrayList;
import java.util.List;

import org.liasse.extender.control.Nodes.Binary;
import org.liasse.extender.control.Nodes.Comparing;
import org.liasse.extender.control.Nodes.Cond;
import org.liasse.extender.control.Nodes.Fold;
import org.liasse.extender.control.Nodes.Negate;
import org.liasse.extender.control.Nodes.Num;
import org.liasse.extender.control.Nodes.NumberCell;
import org.liasse.extender.control.Nodes.NumberComparison;
import org.liasse.extender.control.Nodes.NumberConstant;
import org.liasse.extender.control.Nodes.Relation;

/**
 * Specialised forms of the most common rule shapes, evaluated in one node over the slot arrays: comparisons of
 * linear combinations of cells ({@code A + B - C = D tolerance 1}, {@code sum(A:B) <= X * 10},
 * {@code X <= prev(X) * 1.3}, {@code X >= 0}) and of a quotient with such a combination ({@code A / B <= 0.5}).
 * Each keeps the generic comparison it replaces: it answers whenever its fixed-point evaluation is certain and hands
 * over to the generic form otherwise (sentinels, overflow, a quotient too close to the bound), and explanations,
 * messages and values come from the generic form, so that results never depend on the shape.
 */
final class Shapes {

    private Shapes() {
    }

    /** The fastest equivalent of a number comparison: itself when no shape applies. */
    static Cond optimise(NumberComparison comparison) {
        if (!comparison.fastTolerance) {
            return comparison;
        }
        if (comparison.left instanceof Binary division && division.operator == '/') {
            Linear numerator = Linear.of(division.left);
            Linear denominator = Linear.of(division.right);
            Linear bound = Linear.of(comparison.right);
            if (numerator != null && denominator != null && bound != null) {
                return new QuotientComparison(comparison, numerator, denominator, bound);
            }
            return comparison;
        }
        Linear left = Linear.of(comparison.left);
        Linear right = Linear.of(comparison.right);
        Linear difference = left == null || right == null ? null : left.minus(right);
        return difference == null ? comparison : new LinearComparison(comparison, difference);
    }

    /**
     * Σ coefficient × cell + constant, where some terms come from a {@code sum} (empty cells skipped, the sum empty
     * when all its cells are) and the others are required (an empty cell makes the whole value empty). Encoded as
     * one compact {@code long[]} program, so that evaluating it touches one array besides the dossier's values:
     * {@code [constant, groups, (coefficient, size, slot…)…]}, a negative size marking a sum.
     */
    static final class Linear {
        final long[] code;

        private Linear(long[] code) {
            this.code = code;
        }

        private record Group(List<Integer> slots, long coefficient, boolean sum) {
        }

        /** The linear form of a number expression, or {@code null} when it is not linear. */
        static Linear of(Num node) {
            List<Group> groups = new ArrayList<>();
            long[] constant = {0};
            return collect(node, ONE, groups, constant) ? build(groups, constant[0]) : null;
        }

        private static boolean collect(Num node, long coefficient, List<Group> groups, long[] constant) {
            if (node instanceof NumberConstant value) {
                long term = value.fixed == INEXACT ? INEXACT : Values.multiply(value.fixed, coefficient);
                constant[0] = term == INEXACT ? INEXACT : Values.add(constant[0], term);
                return constant[0] != INEXACT;
            }
            if (node instanceof NumberCell cell) {
                groups.add(new Group(List.of(cell.slot), coefficient, false));
                return true;
            }
            if (node instanceof Negate negate) {
                return collect(negate.operand, -coefficient, groups, constant);
            }
            if (node instanceof Fold fold && fold.kind == Fold.Kind.SUM) {
                List<Integer> slots = new ArrayList<>();
                for (Num operand : fold.operands) {
                    if (!(operand instanceof NumberCell cell)) {
                        return false;
                    }
                    slots.add(cell.slot);
                }
                groups.add(new Group(slots, coefficient, true));
                return true;
            }
            if (node instanceof Binary binary) {
                switch (binary.operator) {
                    case '+':
                        return collect(binary.left, coefficient, groups, constant)
                            && collect(binary.right, coefficient, groups, constant);
                    case '-':
                        return collect(binary.left, coefficient, groups, constant)
                            && collect(binary.right, -coefficient, groups, constant);
                    case '*':
                        if (binary.right instanceof NumberConstant factor && factor.fixed != INEXACT) {
                            long scaled = Values.multiply(coefficient, factor.fixed);
                            return scaled != INEXACT && collect(binary.left, scaled, groups, constant);
                        }
                        if (binary.left instanceof NumberConstant factor && factor.fixed != INEXACT) {
                            long scaled = Values.multiply(coefficient, factor.fixed);
                            return scaled != INEXACT && collect(binary.right, scaled, groups, constant);
                        }
                        return false;
                    default:
                        return false;
                }
            }
            return false;
        }

        private static Linear build(List<Group> groups, long constant) {
            // Required cells with a coefficient of ±1 form one group whose slots carry the sign: -(slot + 1) subtracts.
            List<Long> unit = new ArrayList<>();
            List<Group> others = new ArrayList<>();
            for (Group group : groups) {
                if (!group.sum() && Math.abs(group.coefficient()) == ONE) {
                    unit.add(group.coefficient() == ONE ? (long) group.slots().get(0) : -(group.slots().get(0) + 1L));
                } else {
                    others.add(group);
                }
            }
            List<Long> code = new ArrayList<>(List.of(constant, (long) (others.size() + (unit.isEmpty() ? 0 : 1))));
            if (!unit.isEmpty()) {
                code.add(ONE);
                code.add((long) unit.size());
                code.addAll(unit);
            }
            for (Group group : others) {
                code.add(group.coefficient());
                code.add((long) (group.sum() ? -group.slots().size() : group.slots().size()));
                group.slots().forEach(slot -> code.add((long) slot));
            }
            return new Linear(code.stream().mapToLong(Long::longValue).toArray());
        }

        /** This form minus another, or {@code null} when the constants overflow. */
        Linear minus(Linear other) {
            long difference = Values.subtract(code[0], other.code[0]);
            if (difference == INEXACT) {
                return null;
            }
            long[] both = new long[code.length + other.code.length - 2];
            both[0] = difference;
            both[1] = code[1] + other.code[1];
            System.arraycopy(code, 2, both, 2, code.length - 2);
            int at = code.length;
            for (int i = 2; i < other.code.length; ) {
                both[at++] = -other.code[i];
                long size = other.code[i + 1];
                int count = (int) Math.abs(size) + 1;
                System.arraycopy(other.code, i + 1, both, at, count);
                at += count;
                i += count + 1;
            }
            return new Linear(both);
        }

        /**
         * Runs a program at an offset of a code array: the value, {@link Values#EMPTY} when empty,
         * {@link Values#INEXACT} to hand over to the generic form.
         */
        static long value(long[] code, int at, long[] numbers) {
            long total = code[at];
            int groups = (int) code[at + 1];
            int p = at + 2;
            boolean empty = false;
            for (int g = 0; g < groups; g++) {
                long coefficient = code[p];
                long size = code[p + 1];
                p += 2;
                boolean sum = size < 0;
                int end = p + (int) (sum ? -size : size);
                long group = 0;
                int filled = 0;
                for (; p < end; p++) {
                    long slot = code[p];
                    long sign = slot >> 63;
                    long value = numbers[(int) (slot ^ sign)];
                    if (value <= LIMIT) {
                        if (value != EMPTY) {
                            return INEXACT;
                        }
                        empty |= !sum;
                        continue;
                    }
                    filled++;
                    long signed = (value ^ sign) - sign;
                    long next = group + signed;
                    if (((group ^ next) & (signed ^ next)) < 0) {
                        return INEXACT;
                    }
                    group = next;
                }
                if (filled == 0) {
                    empty = true;
                    continue;
                }
                long term = coefficient == ONE ? group : coefficient == -ONE ? -group
                    : coefficient % ONE == 0 ? Values.multiplyWhole(group, coefficient / ONE) : Values.multiply(group, coefficient);
                if (term == INEXACT) {
                    return INEXACT;
                }
                total = Values.add(total, term);
                if (total == INEXACT) {
                    return INEXACT;
                }
            }
            return empty ? EMPTY : total;
        }

        long evaluate(long[] numbers) {
            return value(code, 0, numbers);
        }
    }

    /** What {@link #test(long[], int, long[])} returns when the generic form must decide. */
    static final int HANDOVER = 2;

    /**
     * Runs a comparison program {@code [mode, bound, linear program of left - right]} at an offset:
     * {@link Values#TRUE}, {@link Values#FALSE}, {@link Values#UNKNOWN}, or {@link #HANDOVER}. Every relation with
     * its tolerance is brought to {@code x <= bound} where {@code x} is the difference, its opposite or its absolute
     * value (mode bits 1 and 2), the result possibly inverted (bit 4), so that no branch depends on the relation.
     */
    static int test(long[] code, int at, long[] numbers) {
        long value = Linear.value(code, at + 2, numbers);
        if (value <= LIMIT) {
            return value == EMPTY ? UNKNOWN : HANDOVER;
        }
        long mode = code[at];
        long negate = -(mode & 1);
        long x = (mode & 2) != 0 ? Math.abs(value) : (value ^ negate) - negate;
        return (x <= code[at + 1] ? 1 : 0) ^ (int) (mode >> 2);
    }

    /** The mode and bound of a relation with a tolerance, for {@link #test}. */
    static long[] header(Relation relation, long tolerance) {
        return switch (relation) {
            case LE -> new long[] {0, tolerance};
            case LT -> new long[] {0, tolerance - 1};
            case GE -> new long[] {1, tolerance};
            case GT -> new long[] {1, tolerance - 1};
            case EQ -> new long[] {2, tolerance};
            case NE -> new long[] {2 | 4, tolerance};
        };
    }

    /**
     * {@code a / b} compared with {@code c} within a tolerance, decided on the truncated quotient: {@link Values#TRUE},
     * {@link Values#FALSE}, {@link Values#UNKNOWN} (an empty operand, a division by zero), or {@link #HANDOVER} when
     * an operand needs {@code BigDecimal} or the quotient is too close to the bound.
     */
    static int decide(long a, long b, long c, Relation relation, long tolerance) {
        if (a == INEXACT || b == INEXACT || c == INEXACT) {
            return HANDOVER;
        }
        if (a == EMPTY || b == EMPTY || c == EMPTY || b == 0) {
            return UNKNOWN;
        }
        long whole = a / b;
        if (Math.abs(whole) >= Values.QUOTIENT_LIMIT / ONE || Math.abs(b) > Long.MAX_VALUE / ONE) {
            return HANDOVER;
        }
        long rest = (a - whole * b) * ONE;
        long part = rest / b;
        long truncated = whole * ONE + part;
        boolean exact = rest - part * b == 0;
        // Not exact: the quotient rounded to 16 significant digits lies between the truncated value and the
        // next millionth away from zero.
        long low = truncated;
        long high = exact ? truncated : (a < 0) != (b < 0) ? truncated - 1 : truncated + 1;
        long lowDifference = Values.subtract(Math.min(low, high), c);
        long highDifference = Values.subtract(Math.max(low, high), c);
        if (lowDifference == INEXACT || highDifference == INEXACT) {
            return HANDOVER;
        }
        boolean atLow = relation.holds(lowDifference, tolerance);
        if (atLow != relation.holds(highDifference, tolerance) || !exact && (relation == Relation.EQ
            || relation == Relation.NE)) {
            return HANDOVER;
        }
        return atLow ? TRUE : FALSE;
    }

    /** A comparison whose sides are linear: {@code left - right} compared with 0, as one comparison program. */
    static final class LinearComparison extends Cond {
        private final NumberComparison generic;
        /** {@code [relation, tolerance, program of left - right]}. */
        final long[] code;

        LinearComparison(NumberComparison generic, Linear difference) {
            super(generic.source, generic.parts);
            this.generic = generic;
            this.code = new long[difference.code.length + 2];
            long[] header = header(generic.relation, generic.tolerance);
            code[0] = header[0];
            code[1] = header[1];
            System.arraycopy(difference.code, 0, code, 2, difference.code.length);
        }

        @Override
        int test(Frame frame) {
            int result = Shapes.test(code, 0, frame.numbers);
            return result == HANDOVER ? generic.test(frame) : result;
        }

        /** The generic form, for a result the program cannot decide. */
        NumberComparison generic() {
            return generic;
        }

        @Override
        Comparing decider(Frame frame) {
            return generic.decider(frame);
        }
    }

    /** {@code numerator / denominator} compared with a linear bound, decided on the truncated quotient. */
    static final class QuotientComparison extends Cond {
        private final NumberComparison generic;
        private final Linear numerator;
        private final Linear denominator;
        private final Linear bound;
        private final Relation relation;
        private final long tolerance;

        QuotientComparison(NumberComparison generic, Linear numerator, Linear denominator, Linear bound) {
            super(generic.source, generic.parts);
            this.generic = generic;
            this.numerator = numerator;
            this.denominator = denominator;
            this.bound = bound;
            this.relation = generic.relation;
            this.tolerance = generic.tolerance;
        }

        @Override
        int test(Frame frame) {
            long[] numbers = frame.numbers;
            int result = decide(numerator.evaluate(numbers), denominator.evaluate(numbers), bound.evaluate(numbers),
                relation, tolerance);
            return result == HANDOVER ? generic.test(frame) : result;
        }

        /** The comparison that decides the result, whose operands the generic form evaluates as this one does. */
        NumberComparison generic() {
            return generic;
        }

        @Override
        Comparing decider(Frame frame) {
            return generic.decider(frame);
        }
    }
}
