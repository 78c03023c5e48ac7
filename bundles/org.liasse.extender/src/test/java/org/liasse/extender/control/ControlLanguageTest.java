package org.liasse.extender.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liasse.extender.definition.RulePlugin.control;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlExplanation;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.control.ExplainedExpression;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.SourceLocation;
import org.liasse.extender.definition.RulePlugin;

class ControlLanguageTest {

    private static final String GROUP = "\u202f";

    /** The status of one rule of questionnaire T on some values. */
    private static ControlStatus status(String expression, Map<String, String> values) {
        return outcome(expression, "Échec.", ControlData.of(values)).status();
    }

    private static ControlOutcome outcome(String expression, String message, ControlData data) {
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(control("C", expression, message), ""));
        return plan.evaluate(data).outcomes().get(0);
    }

    private static List<DefinitionProblem> problems(String expression) {
        return RulePlugin.problems(RulePlugin.files(control("C", expression, "m"), ""));
    }

    @Test
    void amountsAreComparedExactlyNeverInBinaryFloatingPoint() {
        Map<String, String> values = Map.of("F.R1.M", "0.10", "F.R2.M", "0.20", "F.R3.M", "0.30");
        assertEquals(ControlStatus.PASSED, status("F.R1.M + F.R2.M = F.R3.M", values));
        assertEquals(ControlStatus.FAILED, status("F.R1.M + F.R2.M <> F.R3.M", values));
        assertEquals(ControlStatus.PASSED, status("F.R1.D * 3 = 0.99999999", Map.of("F.R1.D", "0.33333333")));
        assertEquals(ControlStatus.PASSED, status("round(F.R1.M / 3, 2) = 33.33", Map.of("F.R1.M", "100")));
        assertEquals(ControlStatus.PASSED, status("F.R1.M / 4 = 25.0025", Map.of("F.R1.M", "100.01")));
    }

    @Test
    void hugeAmountsFallBackToExactDecimals() {
        Map<String, String> values = Map.of("F.R1.M", "9000000000000.01", "F.R2.M", "9000000000000.02",
            "F.R3.M", "18000000000000.03");
        assertEquals(ControlStatus.PASSED, status("F.R1.M + F.R2.M = F.R3.M", values));
        assertEquals(ControlStatus.FAILED, status("F.R1.M + F.R2.M = F.R3.M + 0.01", values));
        assertEquals(ControlStatus.PASSED, status("F.R1.M * 1000 > F.R3.M * 499", values));
    }

    @Test
    void fastAndExactPathsAgreeOnRandomValues() {
        Random random = new Random(42);
        String rule = "(F.R1.M * F.R2.D + F.R2.M) / F.R3.N <= F.R3.M tolerance 0.5";
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(control("C", rule, "m"), ""));
        for (int i = 0; i < 2000; i++) {
            BigDecimal a = amount(random, i);
            BigDecimal b = amount(random, i);
            BigDecimal c = amount(random, i);
            BigDecimal d = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 6);
            BigDecimal n = BigDecimal.valueOf(random.nextInt(7) - 3);
            Map<String, String> values = Map.of("F.R1.M", a.toPlainString(), "F.R2.M", b.toPlainString(),
                "F.R3.M", c.toPlainString(), "F.R2.D", d.toPlainString(), "F.R3.N", n.toPlainString());
            ControlStatus expected = n.signum() == 0 ? ControlStatus.NOT_APPLICABLE
                : a.multiply(d).add(b).divide(n, java.math.MathContext.DECIMAL64).subtract(c)
                    .compareTo(new BigDecimal("0.5")) <= 0 ? ControlStatus.PASSED : ControlStatus.FAILED;
            assertEquals(expected, plan.evaluate(ControlData.of(values)).outcomes().get(0).status(), values::toString);
        }
    }

    private static BigDecimal amount(Random random, int i) {
        long units = i % 3 == 0 ? random.nextLong() / 10 : random.nextInt(100_000_000) - 50_000_000;
        return BigDecimal.valueOf(units, 2);
    }

    @Test
    void toleranceWidensEveryComparison() {
        Map<String, String> values = Map.of("F.R1.M", "100.00", "F.R2.M", "101.00");
        assertEquals(ControlStatus.PASSED, status("F.R1.M = F.R2.M tolerance 1", values));
        assertEquals(ControlStatus.FAILED, status("F.R1.M = F.R2.M tolerance 0.99", values));
        assertEquals(ControlStatus.FAILED, status("F.R1.M <> F.R2.M tolerance 1", values));
        assertEquals(ControlStatus.PASSED, status("F.R2.M <= F.R1.M tolerance 1", values));
        assertEquals(ControlStatus.FAILED, status("F.R2.M < F.R1.M tolerance 1", values));
        assertEquals(ControlStatus.PASSED, status("F.R1.M >= F.R2.M tolerance 1", values));
    }

    @Test
    void anEmptyOperandMakesTheControlNotApplicableUnlessEmptinessIsTested() {
        Map<String, String> values = Map.of("F.R1.M", "10");
        assertEquals(ControlStatus.NOT_APPLICABLE, status("F.R1.M = F.R2.M", values));
        assertEquals(ControlStatus.NOT_APPLICABLE, status("F.R1.M + F.R2.M > 0", values));
        assertEquals(ControlStatus.PASSED, status("empty(F.R2.M) and filled(F.R1.M)", values));
        assertEquals(ControlStatus.PASSED, status("sum(F.R1.M, F.R2.M) = 10", values));
        assertEquals(ControlStatus.PASSED, status("coalesce(F.R2.M, 0) + F.R1.M = 10", values));
        assertEquals(ControlStatus.NOT_APPLICABLE, status("sum(F.R2.M:F.R3.M) = 0", values));
        assertEquals(ControlStatus.PASSED, status("count(F.R1.M:F.R3.N) = 1", values));
        assertEquals(ControlStatus.PASSED, status("count(F.AC_*.NOM) = 0", values));
    }

    @Test
    void threeValuedLogic() {
        Map<String, String> values = Map.of("F.R1.M", "10");
        assertEquals(ControlStatus.FAILED, status("F.R1.M < 0 and F.R2.M > 0", values));
        assertEquals(ControlStatus.PASSED, status("F.R1.M > 0 or F.R2.M > 0", values));
        assertEquals(ControlStatus.NOT_APPLICABLE, status("F.R1.M > 0 and F.R2.M > 0", values));
        assertEquals(ControlStatus.NOT_APPLICABLE, status("not (F.R2.M > 0)", values));
        assertEquals(ControlStatus.NOT_APPLICABLE, status("if F.R1.M < 0 then F.R2.M > 0", values));
        assertEquals(ControlStatus.PASSED, status("if F.R1.M < 0 then F.R2.M > 0 else F.R1.M = 10", values));
        assertEquals(ControlStatus.PASSED, status("(if F.R1.M > 5 then 1 else 2) = 1", values));
    }

    @Test
    void divisionByZeroGivesAnEmptyValue() {
        Map<String, String> values = Map.of("F.R1.M", "10", "F.R2.M", "0");
        assertEquals(ControlStatus.NOT_APPLICABLE, status("F.R1.M / F.R2.M > 1", values));
        assertEquals(ControlStatus.PASSED, status("empty(F.R1.M / F.R2.M)", values));
    }

    @Test
    void prevReadsTheSameCellOfYearNMinusOne() {
        String rule = "F.R1.M <= prev(F.R1.M) * 1.3";
        ControlData grown = new ControlData(Map.of("F.R1.M", "131"), Map.of("F.R1.M", "100"), Map.of());
        ControlData stable = new ControlData(Map.of("F.R1.M", "130"), Map.of("F.R1.M", "100"), Map.of());
        assertEquals(ControlStatus.FAILED, outcome(rule, "m", grown).status());
        assertEquals(ControlStatus.PASSED, outcome(rule, "m", stable).status());
        assertEquals(ControlStatus.NOT_APPLICABLE, outcome(rule, "m", ControlData.of(Map.of("F.R1.M", "1"))).status());
        assertEquals(ControlStatus.PASSED, outcome("prev(sum(F.R1.M:F.R3.M)) = 100", "m", stable).status());
    }

    @Test
    void cellsOfAnotherQuestionnaireOfTheSameOrganisation() {
        String rule = "F.R1.M = Q2:G.X.M";
        ControlData data = new ControlData(Map.of("F.R1.M", "5"), Map.of(), Map.of("Q2", Map.of("G.X.M", "5.00")));
        assertEquals(ControlStatus.PASSED, outcome(rule, "m", data).status());
        assertEquals(ControlStatus.NOT_APPLICABLE, outcome(rule, "m", ControlData.of(Map.of("F.R1.M", "5"))).status());
    }

    @Test
    void textsCodesDatesAndBooleans() {
        Map<String, String> values = Map.of("F.ORG.CAT", "OPH", "F.ORG.NOM", "Office", "F.ORG.CLOT", "2025-12-31",
            "F.ORG.CONV", "true");
        assertEquals(ControlStatus.PASSED, status("F.ORG.CAT = \"OPH\"", values));
        assertEquals(ControlStatus.PASSED, status("F.ORG.CAT <> 'ESH' and F.ORG.NOM = \"Office\"", values));
        assertEquals(ControlStatus.PASSED, status("F.ORG.CLOT >= \"2025-01-01\"", values));
        assertEquals(ControlStatus.PASSED, status("F.ORG.CONV", values));
        assertEquals(ControlStatus.PASSED, status("F.ORG.CONV = true", values));
        assertEquals(ControlStatus.PASSED, status("if F.ORG.CAT = \"OPH\" then F.ORG.CONV", values));
    }

    @Test
    void typeErrorsRejectThePluginAtTheOperand() {
        assertProblem(problems("F.ORG.NOM = F.R1.M"), 87,
            "règle invalide : comparaison impossible : « F.ORG.NOM » est un texte et « F.R1.M » est un nombre");
        assertProblem(problems("F.ORG.CONV + 1 > 0"), 87,
            "règle invalide : « + » attend un nombre : « F.ORG.CONV » est une condition");
        assertProblem(problems("F.ORG.CAT = \"SEM\""), 99, "n'est pas un code possible de la cellule F.ORG.CAT (codes : OPH, ESH)");
        assertProblem(problems("F.R1.M + 1"), 87, "un contrôle doit être une condition");
        assertProblem(problems("F.ORG.NOM < \"B\""), 87, "qui ne se compare qu'avec = ou <>");
        assertProblem(problems("F.ORG.CLOT > \"2025-13-01\""), 100, "n'est pas une date AAAA-MM-JJ");
        assertProblem(problems("F.ORG.NOM = \"x\" tolerance 1"), 87, "« tolerance » ne s'applique qu'à une comparaison de nombres");
        assertProblem(problems("sum(F.I_*.NOM) > 0"), 91, "aucune table répétée « I »");
        assertProblem(problems("sum(F.AC_*.NOM) > 0"), 87, "sum attend des nombres");
        assertProblem(problems("prev(prev(F.R1.M)) > 0"), 92, "prev(…) ne peut pas être imbriqué");
        assertProblem(problems("prev(Q2:G.X.M) > 0"), 92, "prev(…) ne lit que les cellules du questionnaire contrôlé");
    }

    @Test
    void syntaxAndReferenceErrorsAreLocatedInTheExpression() {
        assertProblem(problems("F.R1.M = = 1"), 96, "règle invalide : « = » inattendu");
        assertProblem(problems("F.R1.M > 0 and"), 101, "règle invalide : expression incomplète");
        assertProblem(problems("foo(F.R1.M) > 0"), 87, "fonction inconnue « foo »");
        assertProblem(problems("F.R1.M ; 1"), 94, "caractère inattendu « ; »");
        assertProblem(problems("sum(F.R3.M:F.R1.M) > 0"), 91, "la plage F.R3.M:F.R1.M doit relier deux cellules");
        assertProblem(problems("F.R9.M > 0"), 87, "cellule inconnue « F.R9.M » dans le questionnaire T");
        assertProblem(problems("F.R1.M > 0 tolerance x"), 108, "« tolerance » doit être suivi d'un nombre");
        assertProblem(problems("F.R1.M:F.R2.M > 0"), 87, "une plage n'est permise qu'en argument");
        assertProblem(problems("F.R1.M = \"x"), 96, "texte non terminé");
        assertProblem(problems("((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((F.R1.M"
            + "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))) > 0"), 152, "trop imbriquée");
    }

    private static void assertProblem(List<DefinitionProblem> problems, int column, String message) {
        assertTrue(problems.stream().anyMatch(p -> p.location().equals(new SourceLocation(RulePlugin.CONTROLS, 1, column))
            && p.message().contains(message)), () -> "no problem at 1:" + column + " « " + message + " » in " + problems);
    }

    @Test
    void aRuleThatFailsAtRunTimeGivesARuntimeErrorOutcome() {
        ControlOutcome outcome = outcome("F.R1.M > 0", "m", ControlData.of(Map.of("F.R1.M", "beaucoup")));
        assertEquals(ControlStatus.RUNTIME_ERROR, outcome.status());
        assertEquals("Le contrôle n'a pas pu être évalué : valeur illisible dans la cellule F.R1.M : « beaucoup » "
            + "n'est pas un nombre", outcome.message());
        assertEquals(Map.of("F.R1.M", "(illisible)"), outcome.values());
    }

    @Test
    void failureMessagesShowTheValuesInvolved() {
        ControlOutcome outcome = outcome("F.TOTAL.M = F.R1.M + F.R2.M tolerance 1",
            "Total {left} € au lieu de {right} € (écart {difference} €, R3 : {F.R3.M}, {{brut}}).",
            ControlData.of(Map.of("F.TOTAL.M", "1500.50", "F.R1.M", "1000", "F.R2.M", "2000.25", "F.R3.M", "500.5")));
        assertEquals(ControlStatus.FAILED, outcome.status());
        assertEquals("Total 1" + GROUP + "500,5 € au lieu de 3" + GROUP + "000,25 € (écart -1" + GROUP + "499,75 €, R3 : 500,5, {brut}).",
            outcome.message());
        assertEquals(List.of("F.TOTAL.M", "F.R1.M", "F.R2.M", "left", "right"), List.copyOf(outcome.values().keySet()));
        assertEquals(List.of("F.TOTAL.M", "F.R1.M", "F.R2.M"), outcome.cells());
        assertEquals("test 1.0.0", outcome.ruleVersion());
    }

    @Test
    void theDecidingComparisonOfAConjunctionFillsLeftAndRight() {
        ControlOutcome outcome = outcome("F.R1.M >= 0 and F.R2.M >= F.R1.M", "{left} < {right}",
            ControlData.of(Map.of("F.R1.M", "10", "F.R2.M", "5")));
        assertEquals("5 < 10", outcome.message());
    }

    @Test
    void badPlaceholdersAreLocatedInTheMessage() {
        List<DefinitionProblem> problems = RulePlugin.problems(RulePlugin.files(control("C", "F.R1.M > 0",
            "Montant {F.R9.M} ou {"), ""));
        assertTrue(problems.stream().anyMatch(p -> p.location().column() == 132
            && p.message().equals("message invalide : « { » sans « } » : écrivez {{ pour une accolade")), problems::toString);
        problems = RulePlugin.problems(RulePlugin.files(control("C", "F.R1.M > 0", "Montant {F.R9.M}"), ""));
        assertTrue(problems.stream().anyMatch(p -> p.location().column() == 121
            && p.message().startsWith("message invalide : cellule inconnue « F.R9.M »")), problems::toString);
    }

    @Test
    void declaredCellsReplaceTheDefaultHighlight() {
        String control = "{\"code\": \"C\", \"questionnaire\": \"T\", \"severity\": \"warning\", \"expression\": "
            + "\"sum(F.R1.M:F.R2.M) > 0\", \"message\": \"m\", \"cells\": [\"F.TOTAL.M\"]}";
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(control, ""));
        assertEquals(List.of("F.TOTAL.M"), plan.controls().get(0).cells());
        plan = RulePlugin.plan(RulePlugin.files(control("C", "sum(F.R1.M:F.R2.M) > prev(F.R3.N) + Q2:G.X.M", "m"), ""));
        assertEquals(List.of("F.R1.M", "F.R2.M", "F.R3.N"), plan.controls().get(0).cells());
    }

    @Test
    void aggregatesAreComputedAndUsableInRules() {
        String aggregates = """
            {"code": "MARGE", "questionnaire": "T", "label": "Marge", "group": "Analyse d'exploitation", "unit": "€",
             "expression": "F.R1.M - F.R2.M"},
            {"code": "TAUX_MARGE", "questionnaire": "T", "label": "Taux de marge", "expression": "aggregate(MARGE) / F.R1.M * 100"}
            """;
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(control("C", "aggregate(TAUX_MARGE) >= 10", "Taux {left} %"),
            aggregates));
        ControlReport report = plan.evaluate(ControlData.of(Map.of("F.R1.M", "200", "F.R2.M", "190")));
        assertEquals(ControlStatus.FAILED, report.outcomes().get(0).status());
        assertEquals("Taux 5 %", report.outcomes().get(0).message());
        AggregateValue marge = report.aggregates().get(0);
        assertEquals("Analyse d'exploitation", marge.group());
        assertEquals(0, new BigDecimal("10").compareTo(marge.value()));
        assertEquals(0, new BigDecimal("5").compareTo(report.aggregates().get(1).value()));
        assertNull(plan.evaluate(ControlData.of(Map.of())).aggregates().get(0).value());
    }

    @Test
    void circularAggregatesRejectThePlugin() {
        String aggregates = """
            {"code": "A", "questionnaire": "T", "label": "A", "expression": "aggregate(B) + 1"},
            {"code": "B", "questionnaire": "T", "label": "B", "expression": "aggregate(A) * 2"}
            """;
        List<DefinitionProblem> problems = RulePlugin.problems(RulePlugin.files(control("C", "F.R1.M > 0", "m"), aggregates));
        assertTrue(problems.stream().anyMatch(p -> p.location().line() == 2
            && p.message().equals("formule d'agrégat invalide : agrégats circulaires : A → B → A")), problems::toString);
        problems = RulePlugin.problems(RulePlugin.files(control("C", "aggregate(Z) > 0", "m"), ""));
        assertTrue(problems.stream().anyMatch(p -> p.message().equals("règle invalide : agrégat inconnu « Z »")),
            problems::toString);
    }

    @Test
    void explanationGivesEverySubExpressionWithItsValue() {
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(
            control("C", "F.TOTAL.M = F.R1.M + prev(F.R2.M) tolerance 0.5", "m"), ""));
        ControlExplanation explanation = plan.explain("C", new ControlData(
            Map.of("F.TOTAL.M", "10", "F.R1.M", "4"), Map.of("F.R2.M", "7"), Map.of())).orElseThrow();
        assertEquals(ControlStatus.FAILED, explanation.outcome().status());
        ExplainedExpression root = explanation.expression();
        assertEquals("F.TOTAL.M = F.R1.M + prev(F.R2.M) tolerance 0.5", root.text());
        assertEquals("faux", root.value());
        assertEquals("F.TOTAL.M", root.parts().get(0).text());
        assertEquals("10", root.parts().get(0).value());
        ExplainedExpression sum = root.parts().get(1);
        assertEquals("F.R1.M + prev(F.R2.M)", sum.text());
        assertEquals("11", sum.value());
        assertEquals("prev(F.R2.M)", sum.parts().get(1).text());
        assertEquals("7", sum.parts().get(1).value());
        assertTrue(plan.explain("INCONNU", ControlData.of(Map.of())).isEmpty());
    }

    @Test
    void preparedValuesAreSharedByEveryRuleOfThePlan() {
        StringBuilder controls = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            controls.append(i == 0 ? "" : ",").append(control("C" + i, "F.R1.M + " + i + " > F.R2.M", "m"));
        }
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(controls.toString(), ""));
        assertEquals(2, plan.slots());
        Map<String, String> values = new HashMap<>(Map.of("F.R1.M", "0", "F.R2.M", "10"));
        int[] statuses = new int[50];
        assertEquals(11, plan.statuses(plan.prepare(ControlData.of(values)), statuses));
    }
}
