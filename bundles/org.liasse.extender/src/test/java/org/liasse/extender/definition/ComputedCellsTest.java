package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liasse.extender.definition.Fixtures.NONE_INSTALLED;
import static org.liasse.extender.definition.Fixtures.assertProblem;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.Fixtures.rejected;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.Formula;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.QuestionnaireDiff;

class ComputedCellsTest {

    private static final String FILE = "META-INF/liasse/questionnaires/q.json";

    /** A questionnaire with a fixed table (column formula, total row) and a repeating table summed elsewhere. */
    private static String questionnaire(String version, String totalFormula, String ratioFormula) {
        return """
            {
              "code": "Q", "version": "%s", "title": "Q", "years": [2025],
              "fiches": [ { "code": "F", "title": "F", "tables": [
                { "code": "T", "title": "T",
                  "rows": [ { "code": "A", "label": "A" }, { "code": "B", "label": "B" },
                            { "code": "TOTAL", "label": "Total", "computed": { "BRUT": "%s", "NET": "sum(F.A.NET:F.B.NET)" } } ],
                  "columns": [ { "code": "BRUT", "label": "Brut", "type": "amount", "unit": "€", "help": "aide" },
                               { "code": "AMORT", "label": "Amortissement", "type": "amount", "min": 0 },
                               { "code": "NET", "label": "Net", "type": "amount", "formula": "%s" } ] },
                { "code": "L", "title": "Liste", "maxRows": 3,
                  "columns": [ { "code": "NOM", "label": "Nom", "type": "text", "maxLength": 20 },
                               { "code": "PART", "label": "Part", "type": "percentage", "max": 100 } ] },
                { "code": "S", "title": "Somme", "rows": [ { "code": "S1", "label": "Somme",
                  "computed": { "PART": "sum(F.L_*.PART)" } } ],
                  "columns": [ { "code": "PART", "label": "Part", "type": "percentage" } ] } ] } ]
            }""".formatted(version, totalFormula, ratioFormula);
    }

    private static QuestionnaireDefinition load(String json) {
        return loaded(new DefinitionLoader().load(List.of(file(FILE, json)), NONE_INSTALLED)).questionnaires().get(0);
    }

    private static List<DefinitionProblem> refuse(String json) {
        return rejected(new DefinitionLoader().load(List.of(file(FILE, json)), NONE_INSTALLED));
    }

    @Test
    void computedCellsAreCompiledInDependencyOrderAndEvaluatedExactly() {
        QuestionnaireDefinition q = load(questionnaire("1", "sum(F.A.BRUT:F.B.BRUT)", "@BRUT - @AMORT"));

        assertEquals(3 * 3 + 3 * 2 + 1, q.cells().size());
        assertTrue(q.cell("F.L_3.PART").isPresent());
        assertEquals("€", q.cell("F.A.BRUT").orElseThrow().column().unit());
        List<String> order = List.copyOf(q.computed().keySet());
        assertTrue(order.indexOf("F.A.NET") < order.indexOf("F.TOTAL.NET"), order::toString);
        assertTrue(q.cell("F.TOTAL.BRUT").orElseThrow().computed());
        assertTrue(!q.cell("F.A.BRUT").orElseThrow().computed());

        Map<String, BigDecimal> values = new HashMap<>(Map.of("F.A.BRUT", new BigDecimal("0.10"),
            "F.B.BRUT", new BigDecimal("0.20"), "F.A.AMORT", new BigDecimal("0.05")));
        q.computed().forEach((cell, formula) -> {
            BigDecimal result = formula.evaluate(values::get);
            if (result != null) {
                values.put(cell, result);
            }
        });
        assertEquals(0, new BigDecimal("0.30").compareTo(values.get("F.TOTAL.BRUT")), "no binary floating point");
        assertEquals(0, new BigDecimal("0.05").compareTo(values.get("F.A.NET")));
        assertEquals(0, new BigDecimal("0.25").compareTo(values.get("F.TOTAL.NET")));
        assertNull(values.get("F.S1.PART"), "every referenced cell empty: the result is empty");
    }

    @Test
    void divisionByZeroAndEmptyCellsHaveDefinedResults() {
        Formula ratio = load(questionnaire("1", "F.A.BRUT / F.B.BRUT", "@BRUT")).computed().get("F.TOTAL.BRUT");

        assertNull(ratio.evaluate(Map.of("F.A.BRUT", BigDecimal.ONE, "F.B.BRUT", BigDecimal.ZERO)::get));
        assertNull(ratio.evaluate(Map.of("F.A.BRUT", BigDecimal.ONE)::get), "empty divisor reads as 0");
        assertEquals(0, new BigDecimal("0.5").compareTo(
            ratio.evaluate(Map.of("F.A.BRUT", BigDecimal.ONE, "F.B.BRUT", new BigDecimal(2))::get)));
        assertEquals(List.of("/", List.of("ref", "F.A.BRUT"), List.of("ref", "F.B.BRUT")), ratio.tree());
    }

    @Test
    void functionsRoundAndNegation() {
        Formula formula = load(questionnaire("1", "round(max(F.A.BRUT, F.B.BRUT) * -1 + abs(F.A.AMORT), 1)", "@BRUT"))
            .computed().get("F.TOTAL.BRUT");

        assertEquals(new BigDecimal("-6.8"), formula.evaluate(Map.of("F.A.BRUT", new BigDecimal("7.25"),
            "F.B.BRUT", new BigDecimal("3"), "F.A.AMORT", new BigDecimal("-0.5"))::get));
    }

    @Test
    void formulaErrorsRejectThePluginWhereTheyAreWritten() {
        List<DefinitionProblem> problems = refuse(questionnaire("1", "sum(F.A.BRUT:F.B.BRUT", "@BRUT - @NOPE"));

        assertProblem(problems, FILE, 6, 98, "« ) » attendu en fin de formule");
        assertProblem(problems, FILE, 9, 91, "la cellule « F.A.NOPE » n'existe pas");
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void unknownFunctionsTextCellsAndCyclesAreRefused() {
        assertProblem(refuse(questionnaire("1", "median(F.A.BRUT)", "@BRUT")), FILE, 6, 77,
            "fonction inconnue « median »");
        assertProblem(refuse(questionnaire("1", "F.L_1.NOM", "@BRUT")), FILE, 6, 77, "n'est pas numérique");
        List<DefinitionProblem> cycle = refuse(questionnaire("1", "F.TOTAL.NET", "@BRUT + F.TOTAL.BRUT"));
        assertTrue(cycle.stream().anyMatch(p -> p.message().equals("formules circulaires : F.TOTAL.BRUT → F.TOTAL.NET"
            + " → F.A.NET → F.TOTAL.BRUT")), cycle::toString);
        assertEquals(1, cycle.size(), cycle::toString);
    }

    @Test
    void theDiffShowsAddedRemovedAndChangedCells() {
        QuestionnaireDefinition older = load(questionnaire("1", "sum(F.A.BRUT:F.B.BRUT)", "@BRUT - @AMORT"));
        QuestionnaireDefinition newer = load(questionnaire("2", "F.A.BRUT", "@BRUT - @AMORT")
            .replace("\"maxRows\": 3", "\"maxRows\": 4").replace("\"label\": \"Brut\"", "\"label\": \"Valeur brute\"")
            .replace("{ \"code\": \"B\", \"label\": \"B\" },", "").replace("F.B.NET", "F.A.NET"));

        QuestionnaireDiff diff = QuestionnaireDiff.between(older, newer);

        Map<String, QuestionnaireDiff.Change> byCell = new HashMap<>();
        diff.changes().forEach(change -> byCell.put(change.cell(), change));
        assertEquals(QuestionnaireDiff.Kind.ADDED, byCell.get("F.L_4.PART").kind());
        assertEquals(QuestionnaireDiff.Kind.REMOVED, byCell.get("F.B.BRUT").kind());
        assertEquals(List.of("libellé : F › A › Brut → F › A › Valeur brute"), byCell.get("F.A.BRUT").details());
        assertTrue(byCell.get("F.TOTAL.BRUT").details().contains("calcul : sum(F.A.BRUT:F.B.BRUT) → F.A.BRUT"));
        assertEquals("1", diff.fromVersion());
    }
}
