package org.liasse.extender.control;

import static org.liasse.extender.control.Values.EMPTY;
import static org.liasse.extender.control.Values.FALSE;
import static org.liasse.extender.control.Values.INEXACT;
import static org.liasse.extender.control.Values.LIMIT;
import static org.liasse.extender.control.Values.TRUE;
import static org.liasse.extender.control.Values.UNKNOWN;
import static org.liasse.extender.control.Values.UNREADABLE;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Compiled rules: closures over the slot arrays of a {@link Frame}. A number node has a fast path on fixed-point
 * longs that returns {@link Values#INEXACT} when it cannot give the exact result, and an exact path on
 * {@link BigDecimal}; a comparison tries the fast path and falls back to the exact one. Nothing here parses or
 * looks a cell up by name.
 */
final class Nodes {

    private static final Node[] NONE = {};

    private Nodes() {
    }

    /** A compiled expression, with its source text and operands for explanations. */
    abstract static class Node {
        /** The expression as written; set again by the binder for {@code prev(…)}, before the node is shared. */
        String source;
        final Node[] parts;
        /** Levels of the expression's tree, aggregates' formulas included: what evaluating it recurses through. */
        final int height;

        Node(String source, Node... parts) {
            this.source = source;
            this.parts = parts;
            int tallest = 0;
            for (Node part : parts) {
                tallest = Math.max(tallest, part == null ? 0 : part.height);
            }
            this.height = tallest + 1;
        }

        abstract Type type();

        /** The exact value: {@link BigDecimal}, {@link String}, {@link Boolean}, or {@code null} when empty. */
        abstract Object value(Frame frame);

        /** Whether the value is empty (for a condition: not applicable). */
        boolean isEmpty(Frame frame) {
            return value(frame) == null;
        }
    }

    /** A number. */
    abstract static class Num extends Node {

        Num(String source, Node... parts) {
            super(source, parts);
        }

        /** The value in fixed point, {@link Values#EMPTY}, or {@link Values#INEXACT} to use {@link #exact}. */
        abstract long fast(Frame frame);

        /** The exact value, {@code null} when empty. */
        abstract BigDecimal exact(Frame frame);

        @Override
        final Type type() {
            return Type.NUMBER;
        }

        @Override
        final Object value(Frame frame) {
            return exact(frame);
        }

        @Override
        final boolean isEmpty(Frame frame) {
            return settled(frame) == EMPTY;
        }

        /**
         * {@link #fast}, except that a value needing {@link BigDecimal} that is empty (a division by zero whose
         * numerator does not fit) is {@link Values#EMPTY}.
         */
        final long settled(Frame frame) {
            long value = fast(frame);
            return value == INEXACT && exact(frame) == null ? EMPTY : value;
        }
    }

    /** A text or a date. */
    abstract static class Txt extends Node {
        private final Type type;

        Txt(Type type, String source, Node... parts) {
            super(source, parts);
            this.type = type;
        }

        /** The value, {@code null} when empty. */
        abstract String string(Frame frame);

        @Override
        final Type type() {
            return type;
        }

        @Override
        final Object value(Frame frame) {
            return string(frame);
        }
    }

    /** A condition: {@link Values#TRUE}, {@link Values#FALSE} or {@link Values#UNKNOWN} (does not apply). */
    abstract static class Cond extends Node {

        Cond(String source, Node... parts) {
            super(source, parts);
        }

        abstract int test(Frame frame);

        /** The comparison that decided the result, for {@code {left}} and {@code {right}}; {@code null} if none. */
        Comparing decider(Frame frame) {
            return null;
        }

        @Override
        final Type type() {
            return Type.BOOLEAN;
        }

        @Override
        final Object value(Frame frame) {
            int result = test(frame);
            return result == UNKNOWN ? null : result == TRUE;
        }
    }

    /** A comparison, whose operands messages may show. */
    interface Comparing {
        Node left();

        Node right();
    }

    // ---------------------------------------------------------------- numbers

    static final class NumberConstant extends Num {
        final long fixed;
        final BigDecimal exact;

        NumberConstant(String source, BigDecimal value) {
            super(source);
            this.exact = value;
            this.fixed = Values.fixed(value);
        }

        @Override
        long fast(Frame frame) {
            return fixed;
        }

        @Override
        BigDecimal exact(Frame frame) {
            return exact;
        }
    }

    static final class NumberCell extends Num {
        final int slot;

        NumberCell(String source, int slot) {
            super(source);
            this.slot = slot;
        }

        @Override
        long fast(Frame frame) {
            long value = frame.numbers[slot];
            if (value == UNREADABLE) {
                throw frame.unreadable(slot);
            }
            return value;
        }

        @Override
        BigDecimal exact(Frame frame) {
            long value = fast(frame);
            if (value == EMPTY) {
                return null;
            }
            return value == INEXACT ? frame.decimals[slot] : Values.decimal(value);
        }
    }

    /** {@code + - * /} with the same empty rule: an empty operand gives an empty result. */
    abstract static class Binary extends Num {
        final char operator;
        final Num left;
        final Num right;

        /** For a division by a constant: the fixed-point reciprocal it multiplies by; {@link Values#INEXACT} otherwise. */
        final long reciprocal;

        Binary(char operator, String source, Num left, Num right) {
            this(operator, source, left, right, INEXACT);
        }

        Binary(char operator, String source, Num left, Num right, long reciprocal) {
            super(source, left, right);
            this.operator = operator;
            this.left = left;
            this.right = right;
            this.reciprocal = reciprocal;
        }

        @Override
        final long fast(Frame frame) {
            long a = left.fast(frame);
            long b = right.fast(frame);
            if (a <= LIMIT || b <= LIMIT) {
                return a == EMPTY || b == EMPTY ? EMPTY : INEXACT;
            }
            return combine(a, b);
        }

        @Override
        final BigDecimal exact(Frame frame) {
            BigDecimal a = left.exact(frame);
            BigDecimal b = right.exact(frame);
            return a == null || b == null ? null : combine(a, b);
        }

        abstract long combine(long a, long b);

        abstract BigDecimal combine(BigDecimal a, BigDecimal b);
    }

    static Num arithmetic(char operator, String source, Num left, Num right) {
        if (operator == '/' && right instanceof NumberConstant divisor && divisor.exact.signum() != 0) {
            long reciprocal = Values.fixed(BigDecimal.ONE.divide(divisor.exact, MathContext.DECIMAL64));
            if (reciprocal != INEXACT && BigDecimal.ONE.divide(divisor.exact, MathContext.DECIMAL64)
                .multiply(divisor.exact).compareTo(BigDecimal.ONE) == 0) {
                return new Binary(operator, source, left, right, reciprocal) {
                    @Override
                    long combine(long a, long b) {
                        return Values.byReciprocal(a, reciprocal);
                    }

                    @Override
                    BigDecimal combine(BigDecimal a, BigDecimal b) {
                        return a.divide(b, MathContext.DECIMAL64);
                    }
                };
            }
        }
        return switch (operator) {
            case '+' -> new Binary(operator, source, left, right) {
                @Override
                long combine(long a, long b) {
                    return Values.add(a, b);
                }

                @Override
                BigDecimal combine(BigDecimal a, BigDecimal b) {
                    return a.add(b);
                }
            };
            case '-' -> new Binary(operator, source, left, right) {
                @Override
                long combine(long a, long b) {
                    return Values.subtract(a, b);
                }

                @Override
                BigDecimal combine(BigDecimal a, BigDecimal b) {
                    return a.subtract(b);
                }
            };
            case '*' -> new Binary(operator, source, left, right) {
                @Override
                long combine(long a, long b) {
                    return Values.multiply(a, b);
                }

                @Override
                BigDecimal combine(BigDecimal a, BigDecimal b) {
                    return a.multiply(b);
                }
            };
            default -> new Binary(operator, source, left, right) {
                @Override
                long combine(long a, long b) {
                    return Values.divide(a, b);
                }

                @Override
                BigDecimal combine(BigDecimal a, BigDecimal b) {
                    return b.signum() == 0 ? null : a.divide(b, MathContext.DECIMAL64);
                }
            };
        };
    }

    static final class Negate extends Num {
        final Num operand;

        Negate(String source, Num operand) {
            super(source, operand);
            this.operand = operand;
        }

        @Override
        long fast(Frame frame) {
            long value = operand.fast(frame);
            return value <= LIMIT ? value : -value;
        }

        @Override
        BigDecimal exact(Frame frame) {
            BigDecimal value = operand.exact(frame);
            return value == null ? null : value.negate();
        }
    }

    static final class Abs extends Num {
        final Num operand;

        Abs(String source, Num operand) {
            super(source, operand);
            this.operand = operand;
        }

        @Override
        long fast(Frame frame) {
            long value = operand.fast(frame);
            return value <= LIMIT ? value : Math.abs(value);
        }

        @Override
        BigDecimal exact(Frame frame) {
            BigDecimal value = operand.exact(frame);
            return value == null ? null : value.abs();
        }
    }

    static final class Round extends Num {
        final Num operand;
        final int digits;
        final long factor;

        Round(String source, Num operand, int digits) {
            super(source, operand);
            this.operand = operand;
            this.digits = digits;
            long power = 1;
            for (int i = digits; i < Values.SCALE; i++) {
                power *= 10;
            }
            this.factor = power;
        }

        @Override
        long fast(Frame frame) {
            return fast(operand.fast(frame), factor);
        }

        /**
         * A fixed-point value (or sentinel) rounded half away from zero to a multiple of {@code factor};
         * {@link Values#INEXACT} when the rounded value leaves the range of a long.
         */
        static long fast(long value, long factor) {
            if (value <= LIMIT || factor == 1) {
                return value;
            }
            long whole = value / factor;
            long rest = value - whole * factor;
            if (Math.abs(rest) * 2 >= factor) {
                whole += value < 0 ? -1 : 1;
            }
            long most = Long.MAX_VALUE / factor;
            return whole > most || whole < -most ? INEXACT : whole * factor;
        }

        @Override
        BigDecimal exact(Frame frame) {
            BigDecimal value = operand.exact(frame);
            return value == null ? null : Values.round(value, digits);
        }
    }

    /** {@code sum}, {@code min}, {@code max}: empty operands are skipped; empty when all of them are. */
    static final class Fold extends Num {
        enum Kind { SUM, MIN, MAX }

        final Kind kind;
        final Num[] operands;

        Fold(String source, Kind kind, List<Num> operands) {
            super(source, operands.toArray(NONE));
            this.kind = kind;
            this.operands = operands.toArray(new Num[0]);
        }

        @Override
        long fast(Frame frame) {
            long result = EMPTY;
            boolean inexact = false;
            for (Num operand : operands) {
                long value = operand.fast(frame);
                if (value == EMPTY) {
                    continue;
                }
                if (value == INEXACT || inexact) {
                    inexact = true;
                    continue;
                }
                if (result == EMPTY) {
                    result = value;
                } else if (kind == Kind.SUM) {
                    result = Values.add(result, value);
                    inexact = result == INEXACT;
                } else {
                    result = kind == Kind.MIN ? Math.min(result, value) : Math.max(result, value);
                }
            }
            return inexact ? INEXACT : result;
        }

        @Override
        BigDecimal exact(Frame frame) {
            BigDecimal result = null;
            for (Num operand : operands) {
                BigDecimal value = operand.exact(frame);
                if (value != null) {
                    result = result == null ? value : switch (kind) {
                        case SUM -> result.add(value);
                        case MIN -> result.min(value);
                        case MAX -> result.max(value);
                    };
                }
            }
            return result;
        }
    }

    /** {@code count}: how many operands are filled. */
    static final class Count extends Num {
        final Node[] operands;

        Count(String source, List<Node> operands) {
            super(source, operands.toArray(NONE));
            this.operands = operands.toArray(NONE);
        }

        @Override
        long fast(Frame frame) {
            long count = 0;
            for (Node operand : operands) {
                if (!operand.isEmpty(frame)) {
                    count += Values.ONE;
                }
            }
            return count;
        }

        @Override
        BigDecimal exact(Frame frame) {
            return Values.decimal(fast(frame));
        }
    }

    /** {@code coalesce(x, y)} of numbers. */
    static final class CoalesceNumber extends Num {
        final Num first;
        final Num second;

        CoalesceNumber(String source, Num first, Num second) {
            super(source, first, second);
            this.first = first;
            this.second = second;
        }

        @Override
        long fast(Frame frame) {
            long value = first.settled(frame);
            return value == EMPTY ? second.fast(frame) : value;
        }

        @Override
        BigDecimal exact(Frame frame) {
            BigDecimal value = first.exact(frame);
            return value == null ? second.exact(frame) : value;
        }
    }

    /** The branch an {@code if} takes: 1 for {@code then}, 2 for {@code else}, 0 for none (its value is empty). */
    static int branch(Cond condition, Node otherwise, Frame frame) {
        int test = condition.test(frame);
        return test == TRUE ? 1 : test == FALSE && otherwise != null ? 2 : 0;
    }

    /** The operands of an {@code if}, for explanations. */
    static Node[] branches(Cond condition, Node then, Node otherwise) {
        return otherwise == null ? new Node[] {condition, then} : new Node[] {condition, then, otherwise};
    }

    /** {@code if} giving a number; empty when the condition does not apply, or is false without {@code else}. */
    static final class IfNumber extends Num {
        final Cond condition;
        final Num then;
        final Num otherwise;

        IfNumber(String source, Cond condition, Num then, Num otherwise) {
            super(source, branches(condition, then, otherwise));
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        long fast(Frame frame) {
            int branch = branch(condition, otherwise, frame);
            return branch == 1 ? then.fast(frame) : branch == 2 ? otherwise.fast(frame) : EMPTY;
        }

        @Override
        BigDecimal exact(Frame frame) {
            int branch = branch(condition, otherwise, frame);
            return branch == 1 ? then.exact(frame) : branch == 2 ? otherwise.exact(frame) : null;
        }
    }

    /** {@code aggregate(CODE)}: the aggregate's compiled formula, shown as one part in explanations. */
    /** A reference to an aggregate of the plugin, whose formula is shared by every rule that names it. */
    static final class AggregateNumber extends Num {
        final Memoised formula;

        AggregateNumber(String source, Memoised formula) {
            super(source, formula);
            this.formula = formula;
        }

        @Override
        long fast(Frame frame) {
            return formula.fast(frame);
        }

        @Override
        BigDecimal exact(Frame frame) {
            return formula.exact(frame);
        }
    }

    /**
     * An aggregate's formula, evaluated at most once per dossier: its value is kept in the frame, so that aggregates
     * built on aggregates cost their number of nodes, not the size of their tree written out.
     */
    static final class Memoised extends Num {
        final Num formula;
        private final int index;

        /** @param index the frame's memo slot, from {@link Layout#memo} */
        Memoised(Num formula, int index) {
            super(formula.source, formula);
            this.formula = formula;
            this.index = index;
        }

        @Override
        long fast(Frame frame) {
            if (!frame.fastKnown[index]) {
                frame.fast[index] = formula.fast(frame);
                frame.fastKnown[index] = true;
            }
            return frame.fast[index];
        }

        @Override
        BigDecimal exact(Frame frame) {
            if (!frame.exactKnown[index]) {
                frame.exact[index] = formula.exact(frame);
                frame.exactKnown[index] = true;
            }
            return frame.exact[index];
        }
    }

    // ---------------------------------------------------------------- texts and dates

    static final class TextConstant extends Txt {
        private final String value;

        TextConstant(Type type, String source, String value) {
            super(type, source);
            this.value = value;
        }

        @Override
        String string(Frame frame) {
            return value;
        }
    }

    static final class TextCell extends Txt {
        final int slot;

        TextCell(Type type, String source, int slot) {
            super(type, source);
            this.slot = slot;
        }

        @Override
        String string(Frame frame) {
            if (frame.numbers[slot] == UNREADABLE) {
                throw frame.unreadable(slot);
            }
            return frame.texts[slot];
        }
    }

    static final class CoalesceText extends Txt {
        private final Txt first;
        private final Txt second;

        CoalesceText(String source, Txt first, Txt second) {
            super(first.type(), source, first, second);
            this.first = first;
            this.second = second;
        }

        @Override
        String string(Frame frame) {
            String value = first.string(frame);
            return value == null ? second.string(frame) : value;
        }
    }

    static final class IfText extends Txt {
        private final Cond condition;
        private final Txt then;
        private final Txt otherwise;

        IfText(String source, Cond condition, Txt then, Txt otherwise) {
            super(then.type(), source, branches(condition, then, otherwise));
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        String string(Frame frame) {
            int branch = branch(condition, otherwise, frame);
            return branch == 1 ? then.string(frame) : branch == 2 ? otherwise.string(frame) : null;
        }
    }

    // ---------------------------------------------------------------- conditions

    static final class Truth extends Cond {
        final int value;

        Truth(String source, boolean value) {
            super(source);
            this.value = value ? TRUE : FALSE;
        }

        @Override
        int test(Frame frame) {
            return value;
        }
    }

    static final class BooleanCell extends Cond {
        final int slot;

        BooleanCell(String source, int slot) {
            super(source);
            this.slot = slot;
        }

        @Override
        int test(Frame frame) {
            long value = frame.numbers[slot];
            if (value == UNREADABLE) {
                throw frame.unreadable(slot);
            }
            return value == EMPTY ? UNKNOWN : (int) value;
        }
    }

    /** Relations of the comparisons, with their tolerance. */
    enum Relation {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        static Relation of(String symbol) {
            for (Relation relation : values()) {
                if (relation.symbol.equals(symbol)) {
                    return relation;
                }
            }
            throw new IllegalArgumentException(symbol);
        }

        /** Whether {@code left - right = difference} satisfies the relation within {@code tolerance}. */
        boolean holds(int signOfDifferenceMinusTolerance, int signOfDifferencePlusTolerance, int absCompare) {
            return switch (this) {
                case EQ -> absCompare <= 0;
                case NE -> absCompare > 0;
                case LT -> signOfDifferenceMinusTolerance < 0;
                case LE -> signOfDifferenceMinusTolerance <= 0;
                case GT -> signOfDifferencePlusTolerance > 0;
                case GE -> signOfDifferencePlusTolerance >= 0;
            };
        }

        /** Whether a fixed-point difference {@code left - right} satisfies the relation within a tolerance. */
        boolean holds(long difference, long tolerance) {
            return switch (this) {
                case EQ -> difference != Long.MIN_VALUE && Math.abs(difference) <= tolerance;
                case NE -> difference == Long.MIN_VALUE || Math.abs(difference) > tolerance;
                case LT -> difference < tolerance;
                case LE -> difference <= tolerance;
                case GT -> difference > -tolerance;
                case GE -> difference >= -tolerance;
            };
        }

        /** For texts, dates and conditions: the relation on {@code compareTo}. */
        boolean holds(int compare) {
            return holds(compare, compare, compare == 0 ? 0 : 1);
        }
    }

    /** A comparison of numbers, exact, with an optional tolerance. */
    static final class NumberComparison extends Cond implements Comparing {
        final Relation relation;
        final Num left;
        final Num right;
        final long tolerance;
        private final BigDecimal exactTolerance;
        final boolean fastTolerance;

        NumberComparison(String source, Relation relation, Num left, Num right, BigDecimal tolerance) {
            super(source, left, right);
            this.relation = relation;
            this.left = left;
            this.right = right;
            this.exactTolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
            long fixed = Values.fixed(exactTolerance);
            this.fastTolerance = fixed != INEXACT;
            this.tolerance = fastTolerance ? fixed : 0;
        }

        @Override
        int test(Frame frame) {
            int status = decide(left.fast(frame), right.fast(frame), relation, tolerance);
            return status == Shapes.HANDOVER || status != UNKNOWN && !fastTolerance ? exactTest(frame) : status;
        }

        /**
         * The fixed-point path of {@link #test}, also called by the bytecode: {@link Shapes#HANDOVER} when the
         * comparison needs {@code BigDecimal}.
         */
        static int decide(long a, long b, Relation relation, long tolerance) {
            if (a == EMPTY || b == EMPTY) {
                return UNKNOWN;
            }
            if (a <= LIMIT || b <= LIMIT) {
                return Shapes.HANDOVER;
            }
            long difference = Values.subtract(a, b);
            if (difference == INEXACT) {
                return Shapes.HANDOVER;
            }
            return relation.holds(difference, tolerance) ? TRUE : FALSE;
        }

        private int exactTest(Frame frame) {
            BigDecimal a = left.exact(frame);
            BigDecimal b = right.exact(frame);
            if (a == null || b == null) {
                return UNKNOWN;
            }
            BigDecimal difference = a.subtract(b);
            return relation.holds(difference.compareTo(exactTolerance), difference.compareTo(exactTolerance.negate()),
                difference.abs().compareTo(exactTolerance)) ? TRUE : FALSE;
        }

        @Override
        Comparing decider(Frame frame) {
            return this;
        }

        @Override
        public Node left() {
            return left;
        }

        @Override
        public Node right() {
            return right;
        }
    }

    /** A comparison of texts ({@code = <>}), dates (all relations) or conditions ({@code = <>}). */
    static final class ValueComparison extends Cond implements Comparing {
        private final Relation relation;
        private final Node left;
        private final Node right;

        ValueComparison(String source, Relation relation, Node left, Node right) {
            super(source, left, right);
            this.relation = relation;
            this.left = left;
            this.right = right;
        }

        @Override
        int test(Frame frame) {
            Object a = left.value(frame);
            Object b = right.value(frame);
            if (a == null || b == null) {
                return UNKNOWN;
            }
            int compare = a instanceof String text ? text.compareTo((String) b) : Boolean.compare((Boolean) a, (Boolean) b);
            return relation.holds(compare) ? TRUE : FALSE;
        }

        @Override
        Comparing decider(Frame frame) {
            return this;
        }

        @Override
        public Node left() {
            return left;
        }

        @Override
        public Node right() {
            return right;
        }
    }

    /** {@code and} / {@code or} in three-valued logic: false wins in {@code and}, true wins in {@code or}. */
    static final class Logic extends Cond {
        final boolean conjunction;
        final Cond left;
        final Cond right;

        Logic(String source, boolean conjunction, Cond left, Cond right) {
            super(source, left, right);
            this.conjunction = conjunction;
            this.left = left;
            this.right = right;
        }

        @Override
        int test(Frame frame) {
            int decisive = conjunction ? FALSE : TRUE;
            int a = left.test(frame);
            if (a == decisive) {
                return a;
            }
            int b = right.test(frame);
            if (b == decisive) {
                return b;
            }
            return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : a;
        }

        @Override
        Comparing decider(Frame frame) {
            int decisive = conjunction ? FALSE : TRUE;
            return left.test(frame) == decisive ? left.decider(frame) : right.decider(frame);
        }
    }

    static final class Not extends Cond {
        final Cond operand;

        Not(String source, Cond operand) {
            super(source, operand);
            this.operand = operand;
        }

        @Override
        int test(Frame frame) {
            int value = operand.test(frame);
            return value == UNKNOWN ? UNKNOWN : 1 - value;
        }

        @Override
        Comparing decider(Frame frame) {
            return operand.decider(frame);
        }
    }

    /** {@code if} giving a condition: does not apply when the condition does not, or is false without else. */
    static final class IfCondition extends Cond {
        final Cond condition;
        final Cond then;
        final Cond otherwise;

        IfCondition(String source, Cond condition, Cond then, Cond otherwise) {
            super(source, branches(condition, then, otherwise));
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        int test(Frame frame) {
            int branch = branch(condition, otherwise, frame);
            return branch == 1 ? then.test(frame) : branch == 2 ? otherwise.test(frame) : UNKNOWN;
        }

        @Override
        Comparing decider(Frame frame) {
            int test = condition.test(frame);
            return test == TRUE ? then.decider(frame) : otherwise != null ? otherwise.decider(frame) : null;
        }
    }

    /** {@code empty(x)} or {@code filled(x)}: always applies. */
    static final class Emptiness extends Cond {
        final Node operand;
        final boolean filled;

        Emptiness(String source, Node operand, boolean filled) {
            super(source, operand);
            this.operand = operand;
            this.filled = filled;
        }

        @Override
        int test(Frame frame) {
            return operand.isEmpty(frame) != filled ? TRUE : FALSE;
        }
    }
}
