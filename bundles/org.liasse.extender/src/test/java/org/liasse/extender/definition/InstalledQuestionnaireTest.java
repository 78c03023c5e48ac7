package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.liasse.extender.definition.Fixtures.assertProblem;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.Fixtures.plugin;
import static org.liasse.extender.definition.Fixtures.rejected;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.FicheDefinition;
import org.liasse.api.definition.FieldType;
import org.liasse.api.definition.PluginDefinitions;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.RowDefinition;
import org.liasse.api.definition.SourceLocation;
import org.liasse.api.definition.TableDefinition;

class InstalledQuestionnaireTest {

    private static final String CONTROLS = "META-INF/liasse/controls/croises.json";
    private static final QuestionnaireDefinition ER = questionnaire("ER", "BILAN", "R01");
    private static final QuestionnaireDefinition QDIS = questionnaire("QDIS", "DETTES", "R01");

    private final DefinitionLoader loader = new DefinitionLoader();

    @Test
    void controlsMayReferToQuestionnairesOfOtherPlugins() {
        PluginDefinitions definitions = loaded(loader.load(plugin("installed-reference"), installed(ER, QDIS)));

        assertEquals(List.of("BILAN.R01.MONTANT", "QDIS:DETTES.R01.MONTANT"), definitions.controls().get(0).cells());
        assertEquals(List.of(), definitions.questionnaires());
    }

    @Test
    void aMissingPrefixQuestionnaireIsReportedAtTheReference() {
        List<DefinitionProblem> problems = rejected(loader.load(plugin("installed-reference"), installed(ER)));

        assertEquals(List.of(new DefinitionProblem(new SourceLocation(CONTROLS, 7, 43),
                "questionnaire inconnu « QDIS »")), problems);
    }

    @Test
    void cellsOfInstalledQuestionnairesAreChecked() {
        List<DefinitionProblem> problems = rejected(loader.load(plugin("installed-reference"),
                installed(ER, questionnaire("QDIS", "DETTES", "R02"))));

        assertEquals(List.of(new DefinitionProblem(new SourceLocation(CONTROLS, 7, 43),
                "cellule inconnue « DETTES.R01.MONTANT » dans le questionnaire QDIS")), problems);
    }

    @Test
    void thePluginsOwnQuestionnaireTakesPrecedence() {
        String own = """
                {"code": "ER", "version": "2026.1", "title": "État réglementaire (fictif)", "years": [2026],
                 "fiches": [{"code": "BILAN", "title": "Bilan", "tables": [{"code": "ACTIF", "title": "Actif",
                   "rows": [{"code": "R02", "label": "Trésorerie"}],
                   "columns": [{"code": "MONTANT", "label": "Montant", "type": "amount"}]}]}]}
                """;
        String controls = """
                {"controls": [{"code": "C1", "questionnaire": "ER", "severity": "error",
                  "expression": "BILAN.R01.MONTANT > 0", "message": "Montant négatif."}]}
                """;
        List<String> asked = new ArrayList<>();
        Function<String, Optional<QuestionnaireDefinition>> installed = code -> {
            asked.add(code);
            return Optional.of(ER);
        };

        List<DefinitionProblem> problems = rejected(loader.load(List.of(
                file("META-INF/liasse/questionnaires/er-2026.json", own),
                file("META-INF/liasse/controls/c.json", controls)), installed));

        assertProblem(problems, "META-INF/liasse/controls/c.json", 2, 18,
                "cellule inconnue « BILAN.R01.MONTANT » dans le questionnaire ER");
        assertEquals(List.of(), asked);
    }

    @Test
    void reportsMayReadQuestionnairesOfOtherPlugins() {
        String reports = """
                {"reports": [{"code": "DETTES", "title": "Dettes", "scope": "campaign", "questionnaire": "QDIS",
                  "sections": [{"type": "completion", "title": "Avancement", "groupBy": ["type"]}]}]}
                """;

        PluginDefinitions definitions = loaded(loader.load(
                List.of(file("META-INF/liasse/reports/r.json", reports)), installed(QDIS)));

        assertEquals("QDIS", definitions.reports().get(0).questionnaire());
    }

    private static Function<String, Optional<QuestionnaireDefinition>> installed(QuestionnaireDefinition... list) {
        Map<String, QuestionnaireDefinition> byCode = new HashMap<>();
        for (QuestionnaireDefinition questionnaire : list) {
            byCode.put(questionnaire.code(), questionnaire);
        }
        return code -> Optional.ofNullable(byCode.get(code));
    }

    private static QuestionnaireDefinition questionnaire(String code, String fiche, String row) {
        TableDefinition table = TableDefinition.fixed("T1", "Table", List.of(RowDefinition.of(row, "Ligne")),
                List.of(ColumnDefinition.of("MONTANT", "Montant", FieldType.AMOUNT, 2, 0, false, List.of())));
        return new QuestionnaireDefinition(code, "2025.1", "Questionnaire " + code, List.of(2025),
                List.of(new FicheDefinition(fiche, "Fiche", List.of(table))), Map.of(),
                new SourceLocation("META-INF/liasse/questionnaires/other.json", 1, 1));
    }
}
