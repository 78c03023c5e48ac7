package org.liasse.extender.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liasse.extender.definition.RulePlugin.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.extender.definition.DefinitionFile;
import org.liasse.extender.definition.RulePlugin;

/**
 * Rules written to hurt the server: each is refused where it is written, or evaluated in time proportional to its
 * plan, never by a stack overflow or a walk of an exponential tree. The timeouts only stop a regression from hanging
 * the build; the rules at stake would take hours.
 */
class HostileRulesTest {

    private static final Duration NEVER_HANG = Duration.ofSeconds(60);

    private static List<DefinitionProblem> problems(String expression) {
        return RulePlugin.problems(RulePlugin.files(control("C", expression, "m"), ""));
    }

    private static String describe(List<DefinitionProblem> problems) {
        return problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void digitsOfOtherScriptsAreNotNumbers() {
        List<DefinitionProblem> problems = problems("F.R1.M = \u0661\u0662");
        assertEquals(1, problems.size(), () -> describe(problems));
        assertTrue(problems.get(0).message().contains("caractère inattendu « \u0661 »"), () -> describe(problems));
        assertEquals(RulePlugin.CONTROLS, problems.get(0).location().file());
        assertTrue(problems.get(0).location().line() > 0, () -> describe(problems));
    }

    @Test
    void datesHaveFourDigitYearsInRulesAndInCells() {
        List<DefinitionProblem> problems = problems("F.ORG.CLOT <= \"+10000-01-01\"");
        assertEquals(1, problems.size(), () -> describe(problems));
        assertTrue(problems.get(0).message().contains("n'est pas une date AAAA-MM-JJ"), () -> describe(problems));
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(control("C", "F.ORG.CLOT <= \"2030-12-31\"", "m"), ""));
        assertEquals(ControlStatus.RUNTIME_ERROR, plan.evaluate(ControlData.of(Map.of("F.ORG.CLOT", "+10000-01-01")))
            .outcomes().get(0).status());
        assertEquals(ControlStatus.PASSED, plan.evaluate(ControlData.of(Map.of("F.ORG.CLOT", "2030-12-31")))
            .outcomes().get(0).status());
        assertEquals(ControlStatus.FAILED, plan.evaluate(ControlData.of(Map.of("F.ORG.CLOT", "2031-01-01")))
            .outcomes().get(0).status());
    }

    @Test
    void aLongChainOfOperatorsIsRefusedWithItsLocationInsteadOfOverflowingTheStack() {
        String chain = "1" + "+1".repeat(1_990) + ">0";
        List<DefinitionProblem> problems = assertTimeoutPreemptively(NEVER_HANG, () -> problems(chain));
        assertEquals(1, problems.size(), () -> describe(problems));
        DefinitionProblem problem = problems.get(0);
        assertTrue(problem.message().contains("trop profonde"), problem::toString);
        assertEquals(RulePlugin.CONTROLS, problem.location().file());
        assertTrue(problem.location().line() > 0 && problem.location().column() > 0, problem::toString);
    }

    @Test
    void aChainWithinTheLimitStillLoadsAndIsExact() {
        String chain = "F.R1.M" + " + F.R1.M".repeat(150) + " = F.R2.M";
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(control("C", chain, "m"), ""));
        ControlReport report = plan.evaluate(ControlData.of(Map.of("F.R1.M", "0.01", "F.R2.M", "1.51")));
        assertEquals(ControlStatus.PASSED, report.outcomes().get(0).status());
    }

    @Test
    void aComputedCellFormulaTooDeepIsRefusedToo() {
        List<DefinitionProblem> chain = RulePlugin.problems(List.of(withTotal("1" + "+1".repeat(1_990))));
        assertTrue(chain.stream().anyMatch(problem -> problem.message().contains("formule trop profonde")),
            () -> describe(chain));
        List<DefinitionProblem> nested = RulePlugin.problems(List.of(withTotal("(".repeat(1_990) + "1"
            + ")".repeat(1_990))));
        assertTrue(nested.stream().anyMatch(problem -> problem.message().contains("formule trop imbriquée")),
            () -> describe(nested));
    }

    /** A questionnaire whose total row is computed with this formula. */
    private static DefinitionFile withTotal(String formula) {
        return new DefinitionFile("META-INF/liasse/questionnaires/deep.json", """
            {"code": "D", "version": "2025.1", "title": "D", "years": [2025], "fiches": [
              {"code": "F", "title": "F", "tables": [{"code": "A", "title": "A", "rows": [
                {"code": "R1", "label": "1"}, {"code": "R2", "label": "2"},
                {"code": "TOTAL", "label": "Total", "computed": {"M": "%s"}}],
               "columns": [{"code": "M", "label": "Montant", "type": "amount"}]}]}]}
            """.formatted(formula).getBytes(StandardCharsets.UTF_8));
    }

    /** A0 = R1, Ak = aggregate(Ak-1) + aggregate(Ak-1): written out, A40 is a tree of 2^40 leaves. */
    private static String doubling(int levels) {
        List<String> aggregates = new ArrayList<>();
        aggregates.add(aggregate("A0", "F.R1.M"));
        for (int k = 1; k <= levels; k++) {
            aggregates.add(aggregate("A" + k, "aggregate(A" + (k - 1) + ") + aggregate(A" + (k - 1) + ")"));
        }
        return String.join(",\n", aggregates);
    }

    private static String aggregate(String code, String expression) {
        return "{\"code\": \"" + code + "\", \"questionnaire\": \"T\", \"label\": \"" + code + "\", \"expression\": \""
            + expression + "\"}";
    }

    @Test
    void aggregatesBuiltOnAggregatesAreComputedOncePerDossier() {
        CompiledPlan plan = assertTimeoutPreemptively(NEVER_HANG, () -> RulePlugin.plan(RulePlugin.files(
            control("C", "aggregate(A40) = F.R2.M", "{left} {right}"), doubling(40))));
        BigDecimal expected = BigDecimal.valueOf(3).multiply(BigDecimal.valueOf(2).pow(40));
        ControlReport report = assertTimeoutPreemptively(NEVER_HANG, () -> plan.evaluate(ControlData.of(
            Map.of("F.R1.M", "3", "F.R2.M", expected.toPlainString()))));
        assertEquals(ControlStatus.PASSED, report.outcomes().get(0).status());
        assertEquals(0, expected.compareTo(report.aggregates().get(40).value()));
        var explanation = assertTimeoutPreemptively(NEVER_HANG, () -> plan.explain("C",
            ControlData.of(Map.of("F.R1.M", "3", "F.R2.M", "0"))).orElseThrow());
        assertEquals(ControlStatus.FAILED, explanation.outcome().status());
    }

    @Test
    void aggregatesNestedBeyondTheHeightLimitAreRefusedWhereTheyAreNamed() {
        List<DefinitionProblem> problems = assertTimeoutPreemptively(NEVER_HANG, () -> RulePlugin.problems(
            RulePlugin.files(control("C", "aggregate(A100) > 0", "m"), doubling(100))));
        assertTrue(problems.stream().anyMatch(problem -> problem.message().contains("trop profonde")
            && problem.location().line() > 0), () -> describe(problems));
    }
}
