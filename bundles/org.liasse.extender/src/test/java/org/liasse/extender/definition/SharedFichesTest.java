package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.liasse.extender.definition.Fixtures.NONE_INSTALLED;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.Fixtures.rejected;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.PluginDefinitions;
import org.liasse.api.definition.QuestionnaireDefinition;

class SharedFichesTest {

    private static final String SHARED = "META-INF/liasse/fiches/communes.json";

    private static String shared(String formula) {
        return """
            { "fiches": [
              { "code": "BILAN", "title": "Bilan", "tables": [ { "code": "T", "title": "T",
                "rows": [ { "code": "A", "label": "A" }, { "code": "B", "label": "B" },
                          { "code": "TOTAL", "label": "Total", "computed": { "M": "%s" } } ],
                "columns": [ { "code": "M", "label": "Montant", "type": "amount" } ] } ] },
              { "code": "CR", "title": "Compte de résultat", "tables": [ { "code": "P", "title": "P",
                "rows": [ { "code": "LOYERS", "label": "Loyers" } ],
                "columns": [ { "code": "M", "label": "Montant", "type": "amount" } ] } ] } ] }
            """.formatted(formula);
    }

    private static String questionnaire(String code, String fiches) {
        return """
            { "code": "%s", "version": "1", "title": "%s", "years": [2025], "fiches": [ %s ] }
            """.formatted(code, code, fiches);
    }

    private static final String OWN_FICHE = """
        { "code": "IDENT", "title": "Identification", "tables": [ { "code": "O", "title": "O",
          "rows": [ { "code": "NOM", "label": "Nom" } ],
          "columns": [ { "code": "V", "label": "Valeur", "type": "text", "maxLength": 20 } ] } ] }""";

    @Test
    void twoQuestionnairesNameTheSameSharedFichesAmongTheirOwn() {
        PluginDefinitions plugin = loaded(new DefinitionLoader().load(List.of(
                file(SHARED, shared("sum(BILAN.A.M:BILAN.B.M)")),
                file("META-INF/liasse/questionnaires/er.json", questionnaire("ER", OWN_FICHE + ", \"BILAN\", \"CR\"")),
                file("META-INF/liasse/questionnaires/qdis.json", questionnaire("QDIS", "\"CR\", \"BILAN\""))),
                NONE_INSTALLED));

        QuestionnaireDefinition er = plugin.questionnaires().stream().filter(q -> q.code().equals("ER")).findFirst()
                .orElseThrow();
        QuestionnaireDefinition qdis = plugin.questionnaires().stream().filter(q -> q.code().equals("QDIS"))
                .findFirst().orElseThrow();
        assertEquals(List.of("IDENT", "BILAN", "CR"), er.fiches().stream().map(f -> f.code()).toList());
        assertEquals(List.of("CR", "BILAN"), qdis.fiches().stream().map(f -> f.code()).toList());
        assertEquals(er.fiches().get(1), qdis.fiches().get(1));
        assertEquals(List.of("BILAN.A.M", "BILAN.B.M"), qdis.computed().get("BILAN.TOTAL.M").references());
    }

    @Test
    void anErrorInASharedFicheIsReportedOnceWhereItIsWrittenAndAnUnknownOneWhereItIsNamed() {
        List<DefinitionProblem> problems = rejected(new DefinitionLoader().load(List.of(
                file(SHARED, shared("sum(BILAN.A.M:BILAN.Z.M)")),
                file("META-INF/liasse/questionnaires/er.json", questionnaire("ER", "\"BILAN\", \"ACTIF\"")),
                file("META-INF/liasse/questionnaires/qdis.json", questionnaire("QDIS", "\"BILAN\""))),
                NONE_INSTALLED));

        assertEquals(2, problems.size(), problems.toString());
        assertEquals(SHARED, problems.get(0).location().file());
        assertEquals(4, problems.get(0).location().line());
        assertEquals("META-INF/liasse/questionnaires/er.json", problems.get(1).location().file());
        assertEquals("fiche partagée inconnue « ACTIF » : le plugin partage BILAN, CR", problems.get(1).message());
    }

    @Test
    void sharedFichesAreWrittenInFullAndOnce() {
        List<DefinitionProblem> problems = rejected(new DefinitionLoader().load(List.of(
                file(SHARED, "{ \"fiches\": [ \"CR\" ] }"),
                file("META-INF/liasse/fiches/autres.json", shared("0")),
                file("META-INF/liasse/fiches/encore.json", shared("0")),
                file("META-INF/liasse/questionnaires/er.json", questionnaire("ER", "\"BILAN\""))), NONE_INSTALLED));

        assertEquals(List.of("META-INF/liasse/fiches/communes.json", "META-INF/liasse/fiches/encore.json",
                "META-INF/liasse/fiches/encore.json"), problems.stream().map(p -> p.location().file()).toList(),
                problems.toString());
    }
}
