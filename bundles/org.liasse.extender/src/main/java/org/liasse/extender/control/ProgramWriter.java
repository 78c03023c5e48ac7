package org.liasse.extender.control;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IASTORE;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ACMPNE;
import static org.objectweb.asm.Opcodes.IF_ICMPEQ;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.IXOR;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LMUL;
import static org.objectweb.asm.Opcodes.LOR;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.LSUB;
import static org.objectweb.asm.Opcodes.LUSHR;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Optional;

import org.liasse.extender.control.Nodes.Abs;
import org.liasse.extender.control.Nodes.AggregateNumber;
import org.liasse.extender.control.Nodes.Binary;
import org.liasse.extender.control.Nodes.BooleanCell;
import org.liasse.extender.control.Nodes.CoalesceNumber;
import org.liasse.extender.control.Nodes.Cond;
import org.liasse.extender.control.Nodes.Count;
import org.liasse.extender.control.Nodes.Emptiness;
import org.liasse.extender.control.Nodes.Fold;
import org.liasse.extender.control.Nodes.IfCondition;
import org.liasse.extender.control.Nodes.IfNumber;
import org.liasse.extender.control.Nodes.Logic;
import org.liasse.extender.control.Nodes.Negate;
import org.liasse.extender.control.Nodes.Node;
import org.liasse.extender.control.Nodes.Not;
import org.liasse.extender.control.Nodes.Num;
import org.liasse.extender.control.Nodes.NumberCell;
import org.liasse.extender.control.Nodes.NumberComparison;
import org.liasse.extender.control.Nodes.NumberConstant;
import org.liasse.extender.control.Nodes.Round;
import org.liasse.extender.control.Nodes.TextCell;
import org.liasse.extender.control.Nodes.Truth;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Program} for the rules of a plan with ASM and defines it as a hidden class next to this one (it
 * is unloaded with the plan). Each rule becomes a straight-line block that keeps its intermediate values in local
 * variables and jumps to a hand-over when the fast path cannot decide; blocks are grouped into methods small enough
 * for the JIT to compile. A rule with a node it does not compile (texts, dates, a tolerance that needs
 * {@code BigDecimal}…) or too many nodes is left to the closures.
 */
final class ProgramWriter {

    /** Nodes per generated method, well below the size the JIT refuses to compile (8,000 bytes of bytecode). */
    private static final int NODES_PER_METHOD = 80;
    /** Rules with more nodes are left to the closures. */
    private static final int NODES_PER_RULE = NODES_PER_METHOD;

    private static final Logger LOG = LoggerFactory.getLogger(ProgramWriter.class);
    private static final String PROGRAM = Type.getInternalName(Program.class);
    private static final String VALUES = Type.getInternalName(Values.class);
    private static final String SHAPES = Type.getInternalName(Shapes.class);
    private static final String ROUND = Type.getInternalName(Round.class);
    private static final String NUMBER_COMPARISON = Type.getInternalName(NumberComparison.class);
    private static final String FRAME = Type.getInternalName(Frame.class);
    private static final String RELATION = Type.getInternalName(Nodes.Relation.class);
    private static final String NAME = Type.getInternalName(ProgramWriter.class).replace("ProgramWriter", "Rules");
    private static final String CHUNK = "(L" + FRAME + ";[J[I)V";
    private static final String BINARY = "(JJ)J";

    /** A node the writer does not compile: the rule goes to the closures. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private MethodVisitor method;
    private int next;
    private Label handover;

    private ProgramWriter() {
    }

    /**
     * The program of some rules, or empty when the class cannot be defined (then every rule runs as closures).
     *
     * @param rules the plan's rules, {@code null} for one that did not compile against the questionnaire version
     */
    static Optional<Program> write(Cond[] rules) {
        try {
            byte[] bytes = new ProgramWriter().bytes(rules);
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return Optional.of((Program) lookup.findConstructor(lookup.lookupClass(),
                MethodType.methodType(void.class)).invoke());
        } catch (Throwable e) {
            if (e instanceof Error error && !(error instanceof LinkageError)) {
                throw error;
            }
            LOG.warn("Règles non compilées en bytecode, elles s'exécutent en fermetures : {}", e.toString());
            return Optional.empty();
        }
    }

    /** How many of these rules the writer compiles; the others are left to the closures. */
    static int compiled(Cond[] rules) {
        int count = 0;
        for (Cond rule : rules) {
            if (compiles(rule)) {
                count++;
            }
        }
        return count;
    }

    private static boolean compiles(Cond rule) {
        if (rule == null || size(rule) > NODES_PER_RULE) {
            return false;
        }
        ProgramWriter probe = new ProgramWriter();
        ClassWriter writer = new ClassWriter(0);
        probe.method = writer.visitMethod(ACC_PRIVATE | ACC_STATIC, "probe", CHUNK, null, null);
        probe.handover = new Label();
        probe.next = 3;
        try {
            probe.condition(rule);
            return true;
        } catch (Unsupported e) {
            return false;
        }
    }

    private byte[] bytes(Cond[] rules) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_FINAL, NAME, null, PROGRAM, null);
        MethodVisitor init = writer.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, PROGRAM, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = writer.visitMethod(0, "run", CHUNK, null, null);
        run.visitCode();
        int chunk = 0;
        int nodes = NODES_PER_METHOD;
        for (int i = 0; i < rules.length; i++) {
            int size = rules[i] == null ? 1 : size(rules[i]);
            if (nodes + size > NODES_PER_METHOD) {
                if (method != null) {
                    end();
                }
                String name = "rules" + chunk++;
                run.visitVarInsn(ALOAD, 1);
                run.visitVarInsn(ALOAD, 2);
                run.visitVarInsn(ALOAD, 3);
                run.visitMethodInsn(INVOKESTATIC, NAME, name, CHUNK, false);
                method = writer.visitMethod(ACC_PRIVATE | ACC_STATIC, name, CHUNK, null, null);
                method.visitCode();
                nodes = 0;
            }
            nodes += size;
            rule(i, rules[i]);
        }
        if (method != null) {
            end();
        }
        run.visitInsn(RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private void end() {
        method.visitInsn(RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /** {@code statuses[i] = <rule>}, or the hand-over when the rule is not compiled or its fast path gives up. */
    private void rule(int i, Cond rule) {
        next = 3;
        int status = next++;
        handover = new Label();
        Label store = new Label();
        if (compiles(rule)) {
            int result = condition(rule);
            method.visitVarInsn(ILOAD, result);
            method.visitVarInsn(ISTORE, status);
            method.visitJumpInsn(GOTO, store);
        }
        method.visitLabel(handover);
        method.visitLdcInsn(Shapes.HANDOVER);
        method.visitVarInsn(ISTORE, status);
        method.visitLabel(store);
        method.visitVarInsn(ALOAD, 2);
        method.visitLdcInsn(i);
        method.visitVarInsn(ILOAD, status);
        method.visitInsn(IASTORE);
    }

    /**
     * Nodes of an expression, aggregates' formulas written out, counted up to just past {@link #NODES_PER_RULE}: an
     * aggregate built on aggregates can stand for a tree far larger than its plan, and such a rule is left to the
     * closures, which compute each aggregate once.
     */
    private static int size(Node node) {
        int size = 1;
        for (Node part : node.parts) {
            if (size > NODES_PER_RULE) {
                break;
            }
            size += size(part);
        }
        return Math.min(size, NODES_PER_RULE + 1);
    }

    // ---------------------------------------------------------------- numbers: a long local, as Num.fast

    private int number(Num node) {
        if (node instanceof NumberConstant constant) {
            return store(() -> method.visitLdcInsn(constant.fixed));
        }
        if (node instanceof NumberCell cell) {
            int value = store(() -> slot(cell.slot));
            handOverIfUnreadable(value);
            return value;
        }
        if (node instanceof Binary binary) {
            int a = number(binary.left);
            int b = number(binary.right);
            return store(() -> {
                method.visitVarInsn(LLOAD, a);
                method.visitVarInsn(LLOAD, b);
                if (binary.reciprocal != Values.INEXACT) {
                    method.visitLdcInsn(binary.reciprocal);
                    call(PROGRAM, "byReciprocal", "(JJJ)J");
                } else {
                    call(PROGRAM, switch (binary.operator) {
                        case '+' -> "add";
                        case '-' -> "subtract";
                        case '*' -> "multiply";
                        default -> "divide";
                    }, BINARY);
                }
            });
        }
        if (node instanceof Negate negate) {
            return unary(number(negate.operand), "negate");
        }
        if (node instanceof Abs abs) {
            return unary(number(abs.operand), "abs");
        }
        if (node instanceof Round round) {
            int value = number(round.operand);
            return store(() -> {
                method.visitVarInsn(LLOAD, value);
                method.visitLdcInsn(round.factor);
                call(ROUND, "fast", BINARY);
            });
        }
        if (node instanceof Fold fold) {
            int result = store(() -> method.visitLdcInsn(Values.EMPTY));
            for (Num operand : fold.operands) {
                int value = number(operand);
                method.visitLdcInsn(fold.kind.ordinal());
                method.visitVarInsn(LLOAD, result);
                method.visitVarInsn(LLOAD, value);
                call(PROGRAM, "fold", "(IJJ)J");
                method.visitVarInsn(LSTORE, result);
            }
            return result;
        }
        if (node instanceof Count count) {
            int result = store(() -> method.visitLdcInsn(0L));
            for (Node operand : count.operands) {
                int empty = emptiness(operand);
                Label skip = new Label();
                method.visitVarInsn(ILOAD, empty);
                method.visitJumpInsn(IFNE, skip);
                method.visitVarInsn(LLOAD, result);
                method.visitLdcInsn(Values.ONE);
                method.visitInsn(LADD);
                method.visitVarInsn(LSTORE, result);
                method.visitLabel(skip);
            }
            return result;
        }
        if (node instanceof CoalesceNumber coalesce) {
            int first = number(coalesce.first);
            // a first value that needs BigDecimal may be empty, and then the second one is read: the closures decide
            handOverIf(first, Values.INEXACT);
            int result = copy(first);
            Label done = new Label();
            method.visitVarInsn(LLOAD, first);
            method.visitLdcInsn(Values.EMPTY);
            method.visitInsn(LCMP);
            method.visitJumpInsn(IFNE, done);
            move(number(coalesce.second), result);
            method.visitLabel(done);
            return result;
        }
        if (node instanceof IfNumber choice) {
            int result = store(() -> method.visitLdcInsn(Values.EMPTY));
            branches(choice.condition, () -> move(number(choice.then), result),
                choice.otherwise == null ? null : () -> move(number(choice.otherwise), result));
            return result;
        }
        if (node instanceof AggregateNumber aggregate) {
            return number(aggregate.formula.formula);
        }
        throw new Unsupported();
    }

    private int unary(int value, String helper) {
        return store(() -> {
            method.visitVarInsn(LLOAD, value);
            call(PROGRAM, helper, "(J)J");
        });
    }

    /** Pushes {@code numbers[slot]}. */
    private void slot(int slot) {
        method.visitVarInsn(ALOAD, 1);
        method.visitLdcInsn(slot);
        method.visitInsn(LALOAD);
    }

    /** The closures throw on an unreadable stored value: hand the rule over so that they report it. */
    private void handOverIfUnreadable(int value) {
        handOverIf(value, Values.UNREADABLE);
    }

    /** Hands the rule over to the closures when a long local holds a sentinel. */
    private void handOverIf(int value, long sentinel) {
        method.visitVarInsn(LLOAD, value);
        method.visitLdcInsn(sentinel);
        method.visitInsn(LCMP);
        method.visitJumpInsn(IFEQ, handover);
    }

    /** Runs code that pushes a long and stores it in a new local. */
    private int store(Runnable push) {
        push.run();
        int local = next;
        next += 2;
        method.visitVarInsn(LSTORE, local);
        return local;
    }

    private int copy(int local) {
        return store(() -> method.visitVarInsn(LLOAD, local));
    }

    private void move(int from, int to) {
        method.visitVarInsn(LLOAD, from);
        method.visitVarInsn(LSTORE, to);
    }

    // ---------------------------------------------------------------- conditions: an int local, as Cond.test

    private int condition(Cond node) {
        if (node instanceof Truth truth) {
            return storeInt(() -> method.visitLdcInsn(truth.value));
        }
        if (node instanceof BooleanCell cell) {
            int value = store(() -> slot(cell.slot));
            handOverIfUnreadable(value);
            return storeInt(() -> {
                method.visitVarInsn(LLOAD, value);
                call(PROGRAM, "truth", "(J)I");
            });
        }
        if (node instanceof Shapes.LinearComparison linear) {
            long[] code = linear.code;
            return guarded(Arrays.copyOfRange(code, 2, code.length), false, 0, linear.generic());
        }
        if (node instanceof Shapes.QuotientComparison quotient) {
            NumberComparison comparison = quotient.generic();
            Binary division = (Binary) comparison.left;
            int a = number(division.left);
            int b = number(division.right);
            int c = number(comparison.right);
            return handOverIfUndecided(storeInt(() -> {
                method.visitVarInsn(LLOAD, a);
                method.visitVarInsn(LLOAD, b);
                method.visitVarInsn(LLOAD, c);
                relation(comparison);
                call(SHAPES, "decide", "(JJJL" + RELATION + ";J)I");
            }));
        }
        if (node instanceof NumberComparison comparison) {
            if (!comparison.fastTolerance) {
                throw new Unsupported();
            }
            Shapes.Linear bound = Shapes.Linear.of(comparison.right);
            if (comparison.left instanceof Abs abs && bound != null && bound.code[1] == 0
                && comparison.relation != Nodes.Relation.EQ && comparison.relation != Nodes.Relation.NE) {
                Shapes.Linear inner = Shapes.Linear.of(abs.operand);
                if (inner != null) {
                    return guarded(inner.code, true, bound.code[0], comparison);
                }
            }
            return careful(comparison);
        }
        if (node instanceof Logic logic) {
            int decisive = logic.conjunction ? Values.FALSE : Values.TRUE;
            int left = condition(logic.left);
            int result = storeInt(() -> method.visitVarInsn(ILOAD, left));
            Label done = new Label();
            method.visitVarInsn(ILOAD, left);
            method.visitLdcInsn(decisive);
            method.visitJumpInsn(IF_ICMPEQ, done);
            int right = condition(logic.right);
            method.visitVarInsn(ILOAD, left);
            method.visitVarInsn(ILOAD, right);
            method.visitLdcInsn(decisive);
            call(PROGRAM, "logic", "(III)I");
            method.visitVarInsn(ISTORE, result);
            method.visitLabel(done);
            return result;
        }
        if (node instanceof Not not) {
            int value = condition(not.operand);
            return storeInt(() -> {
                method.visitVarInsn(ILOAD, value);
                call(PROGRAM, "not", "(I)I");
            });
        }
        if (node instanceof IfCondition choice) {
            int result = storeInt(() -> method.visitLdcInsn(Values.UNKNOWN));
            branches(choice.condition, () -> moveInt(condition(choice.then), result),
                choice.otherwise == null ? null : () -> moveInt(condition(choice.otherwise), result));
            return result;
        }
        if (node instanceof Emptiness emptiness) {
            int empty = emptiness(emptiness.operand);
            // (empty != filled) ? TRUE : FALSE, with TRUE = 1 and FALSE = 0: empty, or its negation for filled()
            return storeInt(() -> {
                method.visitVarInsn(ILOAD, empty);
                if (emptiness.filled) {
                    method.visitInsn(ICONST_1);
                    method.visitInsn(IXOR);
                }
            });
        }
        throw new Unsupported();
    }

    /** A comparison of numbers on every path of its operands, as {@code NumberComparison.test}. */
    private int careful(NumberComparison comparison) {
        if (!comparison.fastTolerance) {
            throw new Unsupported();
        }
        int a = number(comparison.left);
        int b = number(comparison.right);
        return handOverIfUndecided(storeInt(() -> {
            method.visitVarInsn(LLOAD, a);
            method.visitVarInsn(LLOAD, b);
            relation(comparison);
            call(NUMBER_COMPARISON, "decide", "(JJL" + RELATION + ";J)I");
        }));
    }

    /**
     * A comparison whose difference is linear ({@link Shapes.Linear} program, possibly {@code abs(linear) - constant}),
     * with a guarded fast path: the cells are read and combined with plain long arithmetic, and one test checks that
     * every value lay within ±2^G, a range where no sum can overflow (empty and other sentinels lie outside it);
     * only then is the relation decided, without a branch. Otherwise the careful path runs. Coefficients that are
     * not whole numbers scale the whole comparison by the power of ten that makes them whole, which keeps it exact.
     *
     * @param program    {@code [constant, groups, (coefficient, size, slot…)…]}
     * @param absolute   whether the difference is {@code abs(program) - subtrahend}
     * @param comparison the comparison, whose relation and tolerance apply and which the careful path runs
     */
    private int guarded(long[] program, boolean absolute, long subtrahend, NumberComparison comparison) {
        // The smallest power-of-ten divisor of 10^6 that makes every coefficient a whole number: 5 for 1.2
        long scale = 1;
        for (int p = 2, g = 0; g < program[1]; g++) {
            long denominator = Values.ONE / gcd(Math.abs(program[p]), Values.ONE);
            scale = scale / gcd(scale, denominator) * denominator;
            p += 2 + (int) Math.abs(program[p + 1]);
        }
        long unit = Values.ONE / scale;
        long weight = 0;
        for (int p = 2, g = 0; g < program[1]; g++) {
            weight = saturatedAdd(weight, saturatedMultiply(Math.abs(program[p] / unit), Math.abs(program[p + 1])));
            p += 2 + (int) Math.abs(program[p + 1]);
        }
        long constant = saturatedMultiply(program[0], scale);
        long limit = saturatedMultiply(subtrahend, scale);
        long[] header = Shapes.header(comparison.relation, comparison.tolerance);
        long mode = header[0];
        // x < t is x <= t - 1 in millionths, but x <= t·scale - 1 once scaled
        boolean strict = comparison.relation == Nodes.Relation.LT || comparison.relation == Nodes.Relation.GT;
        long scaledBound = strict ? saturatedAdd(saturatedMultiply(header[1] + 1, scale), -1)
            : saturatedMultiply(header[1], scale);
        int guard = 61 - (64 - Long.numberOfLeadingZeros(Math.max(weight, 1)));
        long big = 1L << 61;
        if (guard < 30 || !within(constant, big) || !within(limit, big) || !within(scaledBound, big)) {
            return careful(comparison);
        }
        int result = storeInt(() -> method.visitInsn(ICONST_0));
        int range = store(() -> method.visitInsn(LCONST_0));
        int total = store(() -> method.visitLdcInsn(constant));
        int value = store(() -> method.visitInsn(LCONST_0));
        for (int p = 2, g = 0; g < program[1]; g++) {
            long coefficient = program[p] / unit;
            int size = (int) Math.abs(program[p + 1]);
            int sum = store(() -> method.visitInsn(LCONST_0));
            for (int k = p + 2; k < p + 2 + size; k++) {
                long slot = program[k];
                slot((int) (slot < 0 ? -(slot + 1) : slot));
                method.visitVarInsn(LSTORE, value);
                // range |= value + 2^G: every value in [-2^G, 2^G) leaves the bits from G + 1 up clear
                method.visitVarInsn(LLOAD, range);
                method.visitVarInsn(LLOAD, value);
                method.visitLdcInsn(1L << guard);
                method.visitInsn(LADD);
                method.visitInsn(LOR);
                method.visitVarInsn(LSTORE, range);
                method.visitVarInsn(LLOAD, sum);
                method.visitVarInsn(LLOAD, value);
                method.visitInsn(slot < 0 ? LSUB : LADD);
                method.visitVarInsn(LSTORE, sum);
            }
            method.visitVarInsn(LLOAD, total);
            method.visitVarInsn(LLOAD, sum);
            if (coefficient != 1) {
                method.visitLdcInsn(coefficient);
                method.visitInsn(LMUL);
            }
            method.visitInsn(LADD);
            method.visitVarInsn(LSTORE, total);
            p += 2 + size;
        }
        Label slow = new Label();
        Label done = new Label();
        method.visitVarInsn(LLOAD, range);
        method.visitLdcInsn(guard + 1);
        method.visitInsn(LUSHR);
        method.visitInsn(LCONST_0);
        method.visitInsn(LCMP);
        method.visitJumpInsn(IFNE, slow);
        method.visitVarInsn(LLOAD, total);
        if (absolute) {
            call("java/lang/Math", "abs", "(J)J");
            method.visitLdcInsn(limit);
            method.visitInsn(LSUB);
        }
        method.visitLdcInsn(mode);
        method.visitLdcInsn(scaledBound);
        call(PROGRAM, "holds", "(JJJ)I");
        method.visitVarInsn(ISTORE, result);
        method.visitJumpInsn(GOTO, done);
        method.visitLabel(slow);
        moveInt(careful(comparison), result);
        method.visitLabel(done);
        return result;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Whether {@code -bound < value < bound}; a saturated value never is. */
    private static boolean within(long value, long bound) {
        return value > -bound && value < bound;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) || (high == -1 && low < 0) ? low : a < 0 != b < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** 1 when a node is empty, 0 otherwise, as {@code Node.isEmpty}. */
    private int emptiness(Node node) {
        if (node instanceof Num number) {
            int value = number(number);
            // a value that needs BigDecimal may still be empty (a division by zero): the closures decide
            handOverIf(value, Values.INEXACT);
            return storeInt(() -> compareToConstant(value, Values.EMPTY));
        }
        if (node instanceof Cond condition) {
            int value = condition(condition);
            return storeInt(() -> {
                method.visitVarInsn(ILOAD, value);
                method.visitLdcInsn(Values.UNKNOWN);
                flag(IF_ICMPEQ, true);
            });
        }
        if (node instanceof TextCell cell) {
            int value = store(() -> slot(cell.slot));
            handOverIfUnreadable(value);
            return storeInt(() -> {
                method.visitVarInsn(ALOAD, 0);
                method.visitFieldInsn(GETFIELD, FRAME, "texts", "[Ljava/lang/String;");
                method.visitLdcInsn(cell.slot);
                method.visitInsn(AALOAD);
                method.visitInsn(ACONST_NULL);
                flag(IF_ACMPNE, false);
            });
        }
        throw new Unsupported();
    }

    /** Pushes 1 when a long local equals a constant, else 0. */
    private void compareToConstant(int local, long constant) {
        method.visitVarInsn(LLOAD, local);
        method.visitLdcInsn(constant);
        method.visitInsn(LCMP);
        flag(IFNE, false);
    }

    /** Consumes the operands of a conditional jump and pushes 1 or 0: {@code jumped} when the jump is taken. */
    private void flag(int jump, boolean jumped) {
        Label taken = new Label();
        Label done = new Label();
        method.visitJumpInsn(jump, taken);
        method.visitInsn(jumped ? ICONST_0 : ICONST_1);
        method.visitJumpInsn(GOTO, done);
        method.visitLabel(taken);
        method.visitInsn(jumped ? ICONST_1 : ICONST_0);
        method.visitLabel(done);
    }

    /** {@code then} when the condition holds, {@code otherwise} (if any) when it does not; neither when unknown. */
    private void branches(Cond condition, Runnable then, Runnable otherwise) {
        int test = condition(condition);
        Label notTrue = new Label();
        Label done = new Label();
        method.visitVarInsn(ILOAD, test);
        method.visitLdcInsn(Values.TRUE);
        method.visitJumpInsn(IF_ICMPNE, notTrue);
        then.run();
        method.visitJumpInsn(GOTO, done);
        method.visitLabel(notTrue);
        if (otherwise != null) {
            method.visitVarInsn(ILOAD, test);
            method.visitLdcInsn(Values.FALSE);
            method.visitJumpInsn(IF_ICMPNE, done);
            otherwise.run();
        }
        method.visitLabel(done);
    }

    private void relation(NumberComparison comparison) {
        method.visitFieldInsn(GETSTATIC, RELATION, comparison.relation.name(), "L" + RELATION + ";");
        method.visitLdcInsn(comparison.tolerance);
    }

    private int handOverIfUndecided(int status) {
        method.visitVarInsn(ILOAD, status);
        method.visitLdcInsn(Shapes.HANDOVER);
        method.visitJumpInsn(IF_ICMPEQ, handover);
        return status;
    }

    private int storeInt(Runnable push) {
        push.run();
        int local = next++;
        method.visitVarInsn(ISTORE, local);
        return local;
    }

    private void moveInt(int from, int to) {
        method.visitVarInsn(ILOAD, from);
        method.visitVarInsn(ISTORE, to);
    }

    private void call(String owner, String name, String descriptor) {
        method.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
    }
}
