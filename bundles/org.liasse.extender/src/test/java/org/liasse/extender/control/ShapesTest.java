package org.liasse.extender.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.liasse.extender.definition.RulePlugin.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlStatus;
import org.liasse.extender.definition.RulePlugin;

/**
 * The specialised shapes (linear and quotient comparisons run as compact programs) give exactly what the language
 * defines, checked against a direct {@link BigDecimal} computation on random dossiers with empty cells, zeros,
 * huge amounts and amounts with many decimals; and they run as bytecode, so that a change that silently leaves them
 * to the closures fails here.
 */
class ShapesTest {

    private static final MathContext QUOTIENT = MathContext.DECIMAL64;

    private record Case(String rule, Function<Map<String, BigDecimal>, ControlStatus> expected) {
    }

    private static final List<Case> CASES = List.of(
        new Case("F.R1.M + F.R2.M - F.R3.M * 3 <= sum(F.R1.N:F.R3.N) * 2.5 tolerance 0.01", v -> {
            BigDecimal sum = sum(v, "F.R1.N", "F.R2.N", "F.R3.N");
            if (v.get("F.R1.M") == null || v.get("F.R2.M") == null || v.get("F.R3.M") == null || sum == null) {
                return ControlStatus.NOT_APPLICABLE;
            }
            BigDecimal left = v.get("F.R1.M").add(v.get("F.R2.M")).subtract(v.get("F.R3.M").multiply(BigDecimal.valueOf(3)));
            return status(left.subtract(sum.multiply(new BigDecimal("2.5"))).compareTo(new BigDecimal("0.01")) <= 0);
        }),
        new Case("F.R1.M = F.R2.M + F.R3.M tolerance 1", v -> {
            if (v.get("F.R1.M") == null || v.get("F.R2.M") == null || v.get("F.R3.M") == null) {
                return ControlStatus.NOT_APPLICABLE;
            }
            return status(v.get("F.R1.M").subtract(v.get("F.R2.M").add(v.get("F.R3.M"))).abs().compareTo(BigDecimal.ONE) <= 0);
        }),
        new Case("F.R1.M <> F.R2.M", v -> v.get("F.R1.M") == null || v.get("F.R2.M") == null ? ControlStatus.NOT_APPLICABLE
            : status(v.get("F.R1.M").compareTo(v.get("F.R2.M")) != 0)),
        new Case("F.R1.M / F.R2.N >= F.R3.M tolerance 0.5", v -> v.get("F.R3.M") == null ? ControlStatus.NOT_APPLICABLE
            : quotient(v, q -> q.subtract(v.get("F.R3.M")).compareTo(new BigDecimal("-0.5")) >= 0)),
        new Case("F.R1.M / F.R2.N < F.R3.M", v -> v.get("F.R3.M") == null ? ControlStatus.NOT_APPLICABLE
            : quotient(v, q -> q.compareTo(v.get("F.R3.M")) < 0)),
        new Case("F.R1.M / F.R2.N > 0.333333", v -> quotient(v, q -> q.compareTo(new BigDecimal("0.333333")) > 0)));

    private static BigDecimal sum(Map<String, BigDecimal> values, String... cells) {
        BigDecimal sum = null;
        for (String cell : cells) {
            if (values.get(cell) != null) {
                sum = sum == null ? values.get(cell) : sum.add(values.get(cell));
            }
        }
        return sum;
    }

    private static ControlStatus quotient(Map<String, BigDecimal> v, Function<BigDecimal, Boolean> test) {
        if (v.get("F.R1.M") == null || v.get("F.R2.N") == null || v.get("F.R2.N").signum() == 0) {
            return ControlStatus.NOT_APPLICABLE;
        }
        return status(test.apply(v.get("F.R1.M").divide(v.get("F.R2.N"), QUOTIENT)));
    }

    private static ControlStatus status(boolean holds) {
        return holds ? ControlStatus.PASSED : ControlStatus.FAILED;
    }

    @Test
    void specialisedShapesMatchExactArithmetic() {
        StringBuilder controls = new StringBuilder();
        for (int i = 0; i < CASES.size(); i++) {
            controls.append(i == 0 ? "" : ",").append(control("C" + i, CASES.get(i).rule(), "m"));
        }
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(controls.toString(), ""));
        assertEquals(CASES.size(), plan.compiledRules(), "every shape runs as bytecode");
        Random random = new Random(7);
        int[] statuses = new int[CASES.size()];
        for (int round = 0; round < 20_000; round++) {
            Map<String, BigDecimal> values = new HashMap<>();
            Map<String, String> texts = new HashMap<>();
            for (String cell : List.of("F.R1.M", "F.R2.M", "F.R3.M", "F.R1.N", "F.R2.N", "F.R3.N")) {
                BigDecimal value = value(random, cell.endsWith(".N"));
                if (value != null) {
                    values.put(cell, value);
                    texts.put(cell, value.toPlainString());
                }
            }
            Frame frame = plan.prepare(ControlData.of(texts));
            plan.statuses(frame, statuses);
            List<ControlStatus> reported = plan.evaluate(frame).outcomes().stream().map(o -> o.status()).toList();
            for (int i = 0; i < CASES.size(); i++) {
                ControlStatus expected = CASES.get(i).expected().apply(values);
                assertEquals(expected, reported.get(i), CASES.get(i).rule() + " on " + values);
                assertEquals(expected, status(statuses[i]), CASES.get(i).rule() + " (hot loop) on " + values);
            }
        }
    }

    private static ControlStatus status(int status) {
        return status == Values.TRUE ? ControlStatus.PASSED : status == Values.FALSE ? ControlStatus.FAILED
            : status == Values.UNKNOWN ? ControlStatus.NOT_APPLICABLE : ControlStatus.RUNTIME_ERROR;
    }

    private static BigDecimal value(Random random, boolean whole) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return BigDecimal.ZERO;
        }
        if (whole) {
            return BigDecimal.valueOf(random.nextInt(21) - 10);
        }
        return switch (kind) {
            case 2 -> new BigDecimal(random.nextLong()).movePointLeft(2);
            case 3 -> BigDecimal.valueOf(random.nextInt(2000) - 1000, 6);
            case 4 -> new BigDecimal("0.1234567891").multiply(BigDecimal.valueOf(random.nextInt(100)));
            default -> BigDecimal.valueOf(random.nextInt(200_000) - 100_000, 2);
        };
    }
}
