package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.liasse.extender.definition.Fixtures.NONE_INSTALLED;
import static org.liasse.extender.definition.Fixtures.assertProblem;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.Fixtures.rejected;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.FicheDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;

/** The guide de saisie a plugin writes per fiche ({@code help}) and per cell ({@code cellHelp} of a row). */
class HelpTextsTest {

    private static final String FILE = "META-INF/liasse/questionnaires/er.json";

    private final DefinitionLoader loader = new DefinitionLoader();

    private static String questionnaire(String ficheHelp, String cellHelp) {
        return """
                {"code": "ER", "version": "2025.1", "title": "ER", "years": [2025],
                 "fiches": [{"code": "BILAN", "title": "Bilan", %s"tables": [{"code": "ACTIF", "title": "Actif",
                   "rows": [{"code": "R01", "label": "Immobilisations", %s"computed": {}},
                            {"code": "R02", "label": "Stocks"}],
                   "columns": [{"code": "BRUT", "label": "Brut", "type": "amount"},
                               {"code": "NET", "label": "Net", "type": "amount"}]}]}]}
                """.formatted(ficheHelp, cellHelp);
    }

    private List<DefinitionProblem> problems(String ficheHelp, String cellHelp) {
        return rejected(loader.load(List.of(file(FILE, questionnaire(ficheHelp, cellHelp))), NONE_INSTALLED));
    }

    @Test
    void ficheAndCellHelpAreRead() {
        QuestionnaireDefinition er = loaded(loader.load(List.of(file(FILE, questionnaire(
                "\"help\": \"Reprenez le bilan approuvé.\", ",
                "\"cellHelp\": {\"NET\": \"Brut moins amortissements.\"}, "))), NONE_INSTALLED))
                .questionnaires().get(0);

        FicheDefinition bilan = er.fiches().get(0);
        assertEquals("Reprenez le bilan approuvé.", bilan.help());
        assertEquals(Map.of("NET", "Brut moins amortissements."), bilan.tables().get(0).rows().get(0).cellHelp());
        assertEquals("Brut moins amortissements.", er.cells().get("BILAN.R01.NET").help());
        assertEquals("", er.cells().get("BILAN.R01.BRUT").help());
        assertEquals("", er.cells().get("BILAN.R02.NET").help());
    }

    @Test
    void helpIsOptional() {
        QuestionnaireDefinition er = loaded(loader.load(List.of(file(FILE, questionnaire("", ""))), NONE_INSTALLED))
                .questionnaires().get(0);

        assertEquals("", er.fiches().get(0).help());
        assertEquals(Map.of(), er.fiches().get(0).tables().get(0).rows().get(0).cellHelp());
    }

    @Test
    void ficheHelpOfTheWrongTypeIsRefusedAtItsLine() {
        List<DefinitionProblem> problems = problems("\"help\": 12, ", "");

        assertProblem(problems, FILE, 2, 57, "type attendu : chaîne (trouvé : entier)");
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void cellHelpOfTheWrongTypeOrEmptyIsRefusedAtItsLine() {
        List<DefinitionProblem> problems = problems("", "\"cellHelp\": {\"NET\": true, \"BRUT\": \"\"}, ");

        assertProblem(problems, FILE, 3, 77, "type attendu : chaîne (trouvé : booléen)");
        assertProblem(problems, FILE, 3, 91, "texte trop court");
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void cellHelpForAColumnTheTableLacksIsRefusedWhereItIsNamed() {
        List<DefinitionProblem> problems = problems("", "\"cellHelp\": {\"TOTAL\": \"Somme des colonnes.\"}, ");

        assertProblem(problems, FILE, 3, 70, "« cellHelp » : aucune colonne « TOTAL » dans cette table");
        assertEquals(1, problems.size(), problems::toString);
    }
}
