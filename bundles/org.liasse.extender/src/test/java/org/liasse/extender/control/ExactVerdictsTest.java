package org.liasse.extender.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.liasse.extender.definition.RulePlugin.control;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlStatus;
import org.liasse.extender.definition.RulePlugin;

/**
 * Verdicts that were wrong on values near the limits of the fixed-point representation (issue 20, items 1 to 3),
 * each checked on the three paths: the bytecode's hot loop, the verification report and the explanation.
 */
class ExactVerdictsTest {

    private static final String GROUP = "\u202f";

    /** The outcome of one rule, after checking that the bytecode, the report and the explanation agree on it. */
    private static ControlOutcome decided(String rule, String message, Map<String, String> values,
                                          ControlStatus expected) {
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(control("C", rule, message), ""));
        ControlData data = ControlData.of(values);
        int[] statuses = new int[1];
        plan.statuses(plan.prepare(data), statuses);
        ControlOutcome reported = plan.evaluate(data).outcomes().get(0);
        ControlStatus explained = plan.explain("C", data).orElseThrow().outcome().status();
        assertEquals(expected, explained, rule + " explained on " + values);
        assertEquals(expected, reported.status(), rule + " reported on " + values);
        assertEquals(expected, ProgramTest.status(statuses[0]), rule + " in the hot loop on " + values);
        return reported;
    }

    private static void decided(String rule, Map<String, String> values, ControlStatus expected) {
        decided(rule, "m", values, expected);
    }

    @Test
    void aConstantScaledBeyondTheLongRangeIsNotWrappedInTheBytecode() {
        decided("F.R1.M * 0.000001 > 10000000 + F.R2.M", Map.of("F.R1.M", "0", "F.R2.M", "1"), ControlStatus.FAILED);
        decided("F.R1.M * 0.01 > 100000000000", Map.of("F.R1.M", "-5"), ControlStatus.FAILED);
        decided("F.R1.M * 0.01 < 100000000000", Map.of("F.R1.M", "-5"), ControlStatus.PASSED);
        decided("F.R1.M * 0.01 > -100000000000", Map.of("F.R1.M", "5"), ControlStatus.PASSED);
    }

    @Test
    void roundingNearTheTopOfTheLongRangeStaysExact() {
        ControlOutcome outcome = decided("round(F.R1.M, 0) < 0", "{left}", Map.of("F.R1.M", "9223372036854.6"),
            ControlStatus.FAILED);
        assertEquals("9" + GROUP + "223" + GROUP + "372" + GROUP + "036" + GROUP + "855", outcome.message());
        decided("round(F.R1.M, 0) > 0", Map.of("F.R1.M", "9223372036854.6"), ControlStatus.PASSED);
        decided("round(F.R1.M, 0) < 0", Map.of("F.R1.M", "-9223372036854.6"), ControlStatus.PASSED);
        decided("round(F.R1.M + F.R2.M, 0) = 9223372036855",
            Map.of("F.R1.M", "4611686018427.3", "F.R2.M", "4611686018427.3"), ControlStatus.PASSED);
    }

    @Test
    void aDivisionByZeroIsEmptyWhenTheNumeratorNeedsBigDecimal() {
        Map<String, String> values = Map.of("F.R1.D", "0.12345678", "F.R1.N", "0");
        decided("empty(F.R1.D / F.R1.N)", values, ControlStatus.PASSED);
        decided("filled(F.R1.D / F.R1.N)", values, ControlStatus.FAILED);
        decided("filled(9223372036855 / 0)", values, ControlStatus.FAILED);
        decided("count(F.R1.D / F.R1.N, 9223372036855 / 0, 1) = 1", values, ControlStatus.PASSED);
        decided("coalesce(F.R1.D / F.R1.N, 7) = 7", values, ControlStatus.PASSED);
        decided("empty(coalesce(9223372036855 / 0, F.R2.M))", values, ControlStatus.PASSED);
    }

    /**
     * Found by {@link DifferentialTest} (seed 21): the bytecode took a first value needing BigDecimal for a filled
     * one and did not read the second, which here is unreadable.
     */
    @Test
    void coalesceReadsItsSecondValueAfterAnEmptyQuotientThatNeedsBigDecimal() {
        decided("coalesce(F.R1.D / F.R1.N, F.R3.M) < F.R2.M",
            Map.of("F.R1.D", "0.12345678", "F.R1.N", "0", "F.R3.M", "beaucoup"), ControlStatus.RUNTIME_ERROR);
        decided("coalesce(F.R1.D / F.R1.N, F.R3.M) < F.R2.M",
            Map.of("F.R1.D", "0.12345678", "F.R1.N", "0", "F.R3.M", "1", "F.R2.M", "2"), ControlStatus.PASSED);
    }
}
