package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liasse.extender.definition.Fixtures.NONE_INSTALLED;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.Fixtures.rejected;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.QuestionnaireDefinition;

class OrganisationTypesTest {

    private static final String FILE = "META-INF/liasse/questionnaires/er-sem.json";

    private static String questionnaire(String types) {
        return """
            { "code": "ER_SEM", "version": "1", "title": "États des SEM",%s "years": [2025],
              "fiches": [ { "code": "F", "title": "F", "tables": [ { "code": "T", "title": "T",
                "rows": [ { "code": "A", "label": "A" } ],
                "columns": [ { "code": "M", "label": "Montant", "type": "amount" } ] } ] } ] }
            """.formatted(types);
    }

    @Test
    void aQuestionnaireNamesTheTypesThatFileIt() {
        QuestionnaireDefinition sem = loaded(new DefinitionLoader().load(List.of(
            file(FILE, questionnaire(" \"organisationTypes\": [\"SEM\"],"))), NONE_INSTALLED)).questionnaires().get(0);

        assertEquals(List.of("SEM"), sem.organisationTypes());
        assertTrue(sem.appliesTo("SEM"));
        assertFalse(sem.appliesTo("OPH"));
    }

    @Test
    void withoutTypesEveryOrganisationFilesIt() {
        QuestionnaireDefinition all = loaded(new DefinitionLoader().load(List.of(file(FILE, questionnaire(""))),
            NONE_INSTALLED)).questionnaires().get(0);

        assertEquals(List.of(), all.organisationTypes());
        assertTrue(all.appliesTo("OPH") && all.appliesTo("MOI"));
    }

    @Test
    void anUnknownTypeIsReportedWhereItIsWritten() {
        List<DefinitionProblem> problems = rejected(new DefinitionLoader().load(List.of(
            file(FILE, questionnaire(" \"organisationTypes\": [\"SEM\", \"HLM\"],"))), NONE_INSTALLED));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(1, problems.get(0).location().line());
        assertEquals("type d'organisme inconnu « HLM » : possible OPH, ESH, COOP, SEM, MOI, SOCIETE_COORDINATION",
            problems.get(0).message());
    }

    @Test
    void someTypesFileVoluntarily() {
        QuestionnaireDefinition moi = loaded(new DefinitionLoader().load(List.of(file(FILE, questionnaire(
            " \"organisationTypes\": [\"SEM\", \"MOI\"], \"voluntaryFor\": [\"MOI\"],"))), NONE_INSTALLED))
            .questionnaires().get(0);

        assertTrue(moi.appliesTo("MOI") && moi.voluntaryFor("MOI"));
        assertTrue(moi.appliesTo("SEM"));
        assertFalse(moi.voluntaryFor("SEM"));
    }

    @Test
    void aVoluntaryTypeMustFileIt() {
        List<DefinitionProblem> problems = rejected(new DefinitionLoader().load(List.of(file(FILE, questionnaire(
            " \"organisationTypes\": [\"SEM\"], \"voluntaryFor\": [\"MOI\"],"))), NONE_INSTALLED));

        assertEquals(List.of("type d'organisme « MOI » volontaire mais absent de organisationTypes : SEM"),
            problems.stream().map(DefinitionProblem::message).toList());
    }
}
