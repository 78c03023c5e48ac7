package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.liasse.extender.definition.Fixtures.assertProblem;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.RulePlugin.control;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;

class ExamplesTest {

    private static final String EXAMPLES = "META-INF/liasse/examples/exemples.json";
    private static final String CONTROLS = control("C_TOTAL", "F.TOTAL.M = F.R1.M + F.R2.M + F.R3.M", "Total faux.")
        + "," + control("C_POSITIF", "F.R1.M >= 0", "Montant {F.R1.M} négatif.");
    private static final String AGGREGATE = """
        {"code": "DOUBLE", "questionnaire": "T", "label": "Double", "expression": "F.TOTAL.M * 2"}""";

    private static DefinitionFile examples(String expected) {
        return file(EXAMPLES, """
            {"examples": [
              {"code": "CAS_1", "questionnaire": "T",
               "values": {"F.R1.M": "-5", "F.R2.M": "10.50", "F.R3.M": "0"},
               "previous": {"F.R1.M": "1"},
               "expected": %s,
               "aggregates": {"DOUBLE": "11"}}
            ]}""".formatted(expected));
    }

    @Test
    void examplesRunAtLoadWithComputedCellsComputed() {
        LoadResult.Loaded loaded = (LoadResult.Loaded) RulePlugin.load(RulePlugin.files(CONTROLS, AGGREGATE,
            examples("{\"C_TOTAL\": \"passed\", \"C_POSITIF\": \"failed\"}")));
        assertEquals(List.of("CAS_1"), loaded.examples());
    }

    @Test
    void aFailingExampleRejectsThePluginAtTheExpectation() {
        List<DefinitionProblem> problems = RulePlugin.problems(RulePlugin.files(CONTROLS, AGGREGATE,
            examples("{\"C_TOTAL\": \"failed\", \"C_POSITIF\": \"failed\", \"C_AUTRE\": \"passed\"}")));
        assertProblem(problems, EXAMPLES, 5, 28, "exemple « CAS_1 » : le contrôle C_TOTAL est « réussi » au lieu de « échoué »");
        assertProblem(problems, EXAMPLES, 5, 61, "exemple « CAS_1 » : aucun contrôle « C_AUTRE » du questionnaire T");
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void wrongAggregateValuesAndUnknownOrComputedCellsAreReported() {
        List<DefinitionProblem> problems = RulePlugin.problems(RulePlugin.files(CONTROLS,
            AGGREGATE.replace("* 2", "* 3"), file(EXAMPLES, """
                {"examples": [{"code": "CAS_1", "questionnaire": "T",
                  "values": {"F.R1.M": "1", "F.R9.M": "2", "F.TOTAL.M": "3"},
                  "expected": {}, "aggregates": {"DOUBLE": "2"}}]}""")));
        assertProblem(problems, EXAMPLES, 2, 29, "cellule inconnue « F.R9.M »");
        assertProblem(problems, EXAMPLES, 2, 44, "la cellule « F.TOTAL.M » est calculée");
        assertProblem(problems, EXAMPLES, 3, 44, "l'agrégat DOUBLE vaut « 3 » au lieu de « 2 »");
    }

    @Test
    void theShippedMinistryPluginIsValidWithItsExamples() throws Exception {
        Path root = Path.of("../../questionnaires/ministry/org.liasse.ministry.er/src/main/resources");
        List<DefinitionFile> files = new java.util.ArrayList<>(PluginCheck.files(root));
        // The financial fiches it shares with the federations' questionnaire, unpacked into its bundle at build time.
        PluginCheck.files(Path.of("../../questionnaires/common/org.liasse.common.qdis/src/main/resources")).stream()
            .filter(file -> file.path().endsWith("fiches/financieres.json")).forEach(files::add);
        LoadResult.Loaded loaded = (LoadResult.Loaded) new DefinitionLoader().load(files, Fixtures.NONE_INSTALLED);
        assertEquals(4, loaded.examples().size());
        assertEquals(20, loaded(loaded).controls().size());
    }

    @Test
    void theExternalExamplePluginOfThePartnersGuideIsValidWithItsExample() throws Exception {
        Path root = Path.of("../../docs/example-plugin/src/main/resources");
        LoadResult.Loaded loaded = (LoadResult.Loaded) new DefinitionLoader().load(PluginCheck.files(root),
            Fixtures.NONE_INSTALLED);
        assertEquals(List.of("PATRIMOINE_EN_RENOVATION"), loaded.examples());
        assertEquals(2, loaded(loaded).controls().size());
    }
}
