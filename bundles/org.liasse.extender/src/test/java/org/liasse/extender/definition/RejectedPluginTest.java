package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liasse.extender.definition.Fixtures.NONE_INSTALLED;
import static org.liasse.extender.definition.Fixtures.assertProblem;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.plugin;
import static org.liasse.extender.definition.Fixtures.rejected;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.SourceLocation;

class RejectedPluginTest {

    private final DefinitionLoader loader = new DefinitionLoader();

    private List<DefinitionProblem> problemsOf(String fixture) {
        return rejected(loader.load(plugin(fixture), NONE_INSTALLED));
    }

    @Test
    void jsonSyntaxErrorIsReportedAtItsLine() {
        List<DefinitionProblem> problems = problemsOf("syntax-error");

        assertEquals(1, problems.size(), problems::toString);
        DefinitionProblem problem = problems.get(0);
        assertEquals("META-INF/liasse/questionnaires/er.json", problem.location().file());
        assertEquals(5, problem.location().line());
        assertEquals(3, problem.location().column());
        assertTrue(problem.message().startsWith("JSON invalide : "), problem.message());
    }

    @Test
    void schemaViolationsAreAllReportedAtTheirNode() {
        List<DefinitionProblem> problems = problemsOf("schema-errors");
        String file = "META-INF/liasse/questionnaires/er.json";

        assertProblem(problems, file, 5, 12, "type attendu : tableau (trouvé : chaîne)");
        assertProblem(problems, file, 6, 3, "propriété inconnue : « colour »");
        assertProblem(problems, file, 8, 5, "propriété obligatoire manquante : « title »");
        assertProblem(problems, file, 9, 15, "valeur « bilan » non conforme au motif ^[A-Z][A-Z0-9_]{0,39}$");
        assertProblem(problems, file, 15, 72, "valeur non autorisée « money » ; valeurs possibles : integer, decimal, "
                + "amount, percentage, text, date, code, boolean");
        assertEquals(5, problems.size(), problems::toString);
    }

    @Test
    void aFileWithTwoErrorsYieldsTwoProblems() {
        List<DefinitionProblem> problems = problemsOf("two-errors");
        String file = "META-INF/liasse/controls/controles.json";

        assertEquals(List.of(
                new DefinitionProblem(new SourceLocation(file, 6, 19),
                        "valeur non autorisée « blocking » ; valeurs possibles : format, error, warning, info"),
                new DefinitionProblem(new SourceLocation(file, 9, 7), "propriété inconnue : « comment »")), problems);
    }

    @Test
    void duplicateCodesAreReported() {
        List<DefinitionProblem> problems = problemsOf("duplicates");
        String first = "META-INF/liasse/questionnaires/er-2025-a.json";

        assertProblem(problems, first, 24, 23, "code de ligne en double dans la fiche « R02 » (déjà déclaré ligne 16, "
                + "colonne 23)");
        assertProblem(problems, first, 28, 23, "code de colonne en double dans la table « MONTANT »");
        assertProblem(problems, first, 34, 15, "code de fiche en double « BILAN » (déjà déclaré ligne 8, colonne 15)");
        assertProblem(problems, first, 38, 19, "code de table en double « ACTIF » (déjà déclaré ligne 12, colonne 19)");
        assertProblem(problems, "META-INF/liasse/questionnaires/er-2025-b.json", 1, 1,
                "questionnaire « ER » version « 2025.1 » en double (déjà déclaré dans " + first + ":1:1)");
        assertProblem(problems, "META-INF/liasse/controls/b.json", 4, 15,
                "code de contrôle en double « C_TRESORERIE » (déjà déclaré dans META-INF/liasse/controls/a.json:4:15)");
        assertProblem(problems, "META-INF/liasse/reports/rapports.json", 4, 15,
                "code de rapport en double « BILAN_ORGANISME » (déjà déclaré ligne 3, colonne 15)");
        assertEquals(7, problems.size(), problems::toString);
    }

    @Test
    void rowCodesMayRepeatAcrossFichesButNotWithinOne() {
        List<DefinitionProblem> problems = problemsOf("duplicates");

        assertTrue(problems.stream().noneMatch(problem -> problem.location().line() == 40), problems::toString);
    }

    @Test
    void fieldTypeRulesAreChecked() {
        List<DefinitionProblem> problems = problemsOf("field-rules");
        String file = "META-INF/liasse/questionnaires/er.json";

        assertProblem(problems, file, 5, 25, "année en double : 2025");
        assertProblem(problems, file, 16, 13, "la liste « codes » est obligatoire pour le type code");
        assertProblem(problems, file, 17, 13, "« maxLength » (positif) est obligatoire pour le type text");
        assertProblem(problems, file, 18, 77,
                "« scale » n'est permis que pour les types decimal, amount et percentage");
        assertProblem(problems, file, 19, 13, "« scale » est obligatoire pour le type decimal");
        assertProblem(problems, file, 20, 72, "« maxLength » n'est permis que pour le type text");
        assertProblem(problems, file, 21, 85, "« codes » n'est permis que pour le type code");
        assertProblem(problems, file, 22, 89, "valeur en double dans « codes » : « SA »");
        assertEquals(8, problems.size(), problems::toString);
    }

    @Test
    void unknownCellsAreReportedAtTheirColumnInTheExpression() {
        List<DefinitionProblem> problems = problemsOf("unknown-references");
        String file = "META-INF/liasse/controls/controles.json";

        assertProblem(problems, file, 7, 64, "cellule inconnue « BILAN.R99.MONTANT » dans le questionnaire ER");
        assertProblem(problems, file, 24, 131, "cellule inconnue « BILAN.R98.MONTANT » dans le questionnaire ER");
    }

    @Test
    void cellsAreCheckedAgainstEveryVersionOfTheQuestionnaire() {
        List<DefinitionProblem> problems = problemsOf("unknown-references");

        assertProblem(problems, "META-INF/liasse/controls/controles.json", 21, 22,
                "cellule inconnue « BILAN.R05.MONTANT » dans le questionnaire ER version 2025.1");
    }

    @Test
    void unknownQuestionnairesAreReported() {
        List<DefinitionProblem> problems = problemsOf("unknown-references");
        String controls = "META-INF/liasse/controls/controles.json";

        assertProblem(problems, controls, 12, 24, "questionnaire inconnu « QX »");
        assertProblem(problems, controls, 29, 42, "questionnaire inconnu « QX »");
        assertProblem(problems, "META-INF/liasse/reports/rapports.json", 3, 86, "questionnaire inconnu « QY »");
        assertEquals(6, problems.size(), problems::toString);
    }

    @Test
    void textLengthMustBePositive() {
        String questionnaire = """
                {"code": "ER", "version": "2025.1", "title": "ER", "years": [2025],
                 "fiches": [{"code": "F", "title": "F", "tables": [{"code": "T", "title": "T",
                   "rows": [{"code": "R01", "label": "Ligne"}],
                   "columns": [{"code": "NOM", "label": "Nom", "type": "text", "maxLength": 0}]}]}]}
                """;

        List<DefinitionProblem> problems = rejected(loader.load(
                List.of(file("META-INF/liasse/questionnaires/er.json", questionnaire)), NONE_INSTALLED));

        assertEquals(List.of(new DefinitionProblem(new SourceLocation("META-INF/liasse/questionnaires/er.json", 4, 77),
                "valeur trop petite : 0 (minimum : 1)")), problems);
    }

    @Test
    void referencesToARejectedQuestionnaireOfThePluginAreNotReportedTwice() {
        String questionnaire = "{\"code\": \"ER\", \"version\": \"2025.1\"}";
        String controls = """
                {"controls": [{"code": "C1", "questionnaire": "ER", "severity": "error",
                  "expression": "BILAN.R01.MONTANT > 0", "message": "Montant négatif."}]}
                """;

        List<DefinitionProblem> problems = rejected(loader.load(List.of(
                file("META-INF/liasse/questionnaires/er.json", questionnaire),
                file("META-INF/liasse/controls/c.json", controls)), NONE_INSTALLED));

        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.stream().allMatch(problem -> problem.message().startsWith("propriété obligatoire")),
                problems::toString);
    }

    @Test
    void unexpectedFilesAreReported() {
        List<DefinitionProblem> problems = problemsOf("unexpected-file");

        assertProblem(problems, "META-INF/liasse/questionnaires/LISEZMOI.txt", 0, 0, "fichier inattendu");
        assertProblem(problems, "META-INF/liasse/scripts/run.sh", 0, 0, "fichier inattendu");
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void aPluginWithoutDefinitionIsRejected() {
        List<DefinitionProblem> problems = rejected(loader.load(List.of(), NONE_INSTALLED));

        assertEquals(List.of(new DefinitionProblem(new SourceLocation("META-INF/liasse/", 0, 0),
                "aucune définition : le plugin ne déclare ni questionnaire, ni contrôle, ni rapport, ni message")),
                problems);
    }

    @Test
    void folderEntriesAloneAreNoDefinition() {
        List<DefinitionProblem> problems = rejected(loader.load(
                List.of(file("META-INF/liasse/questionnaires/", "")), NONE_INSTALLED));

        assertProblem(problems, "META-INF/liasse/", 0, 0, "aucune définition");
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void malformedMessagesAreReportedWithTheirLine() {
        List<DefinitionProblem> problems = problemsOf("bad-messages");
        String file = "META-INF/liasse/messages/messages_fr.properties";

        assertProblem(problems, "META-INF/liasse/messages/labels.properties", 0, 0, "fichier inattendu");
        assertProblem(problems, file, 3, 33, "séquence d'échappement \\u invalide : \\u20G0");
        assertProblem(problems, file, 4, 1, "clé de message vide");
        assertProblem(problems, file, 5, 1, "clé de message en double « bilan.titre » (déjà déclarée ligne 2)");
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    void problemsAreSortedByFileThenLine() {
        List<DefinitionProblem> problems = problemsOf("duplicates");

        Comparator<DefinitionProblem> byFileThenLine = Comparator
                .comparing((DefinitionProblem problem) -> problem.location().file())
                .thenComparingInt(problem -> problem.location().line());
        assertEquals(problems.stream().sorted(byFileThenLine).toList(), problems);
        assertEquals("META-INF/liasse/controls/b.json", problems.get(0).location().file());
    }
}
