package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liasse.extender.definition.Fixtures.assertProblem;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.Fixtures.rejected;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.SourceLocation;
import org.liasse.api.definition.StepGuard;
import org.liasse.api.definition.WorkflowDefinition;

/** Workflows declared by plugins in {@code workflows/*.json}. */
class WorkflowsTest {

    private static final String FILE = "META-INF/liasse/workflows/er.json";
    private static final QuestionnaireDefinition ER = new QuestionnaireDefinition("ER", "2025.1", "ER", List.of(2025),
        List.of(), Map.of(), new SourceLocation("er.json", 1, 1));

    private static LoadResult load(String json) {
        return new DefinitionLoader().load(List.of(file(FILE, json)),
            code -> code.equals("ER") ? Optional.of(ER) : Optional.empty());
    }

    @Test
    void aPluginDeclaresTheStepsOfAnInstalledQuestionnaire() {
        WorkflowDefinition workflow = loaded(load("""
            { "questionnaire": "ER", "steps": [
              { "code": "SAISIE", "label": "Saisie" },
              { "code": "VALIDE", "label": "Validé", "right": "dossier.avancer",
                "guards": ["aucune-erreur", "alertes-justifiees"], "visibleToPartner": true },
              { "code": "TRANSMIS", "label": "Transmis", "right": "dossier.transmettre", "locked": true } ] }
            """)).workflows().get(0);
        assertEquals("ER", workflow.questionnaire());
        assertEquals(List.of("SAISIE", "VALIDE", "TRANSMIS"), workflow.steps().stream().map(s -> s.code()).toList());
        assertEquals(List.of(StepGuard.NO_ERROR, StepGuard.WARNINGS_JUSTIFIED), workflow.steps().get(1).guards());
        assertFalse(workflow.visibleToPartner("SAISIE"));
        assertTrue(workflow.visibleToPartner("TRANSMIS"), "visible from VALIDE on");
        assertFalse(workflow.locked("VALIDE"));
        assertTrue(workflow.locked("TRANSMIS"));
        assertEquals(0, workflow.index("ETAPE_SUPPRIMEE"), "an unknown step is the first");
    }

    @Test
    void badStepsAreRejectedWithTheirLocation() {
        List<DefinitionProblem> problems = rejected(load("""
            { "questionnaire": "ER", "steps": [
              { "code": "SAISIE", "label": "Saisie", "right": "dossier.saisir" },
              { "code": "VALIDE", "label": "Validé" },
              { "code": "VALIDE", "label": "Encore", "right": "enquete.inconnue" } ] }
            """));
        assertProblem(problems, FILE, 2, 13, "la première étape est la saisie");
        assertProblem(problems, FILE, 3, 13, "doit indiquer le droit");
        assertProblem(problems, FILE, 4, 13, "étape en double « VALIDE »");
        assertProblem(problems, FILE, 4, 13, "droit inconnu « enquete.inconnue »");
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void anUnknownQuestionnaireOrGuardIsRejected() {
        assertProblem(rejected(load("""
            { "questionnaire": "QX", "steps": [ { "code": "A", "label": "A" },
              { "code": "B", "label": "B", "right": "dossier.avancer" } ] }
            """)), FILE, 1, 20, "questionnaire inconnu « QX »");
        assertTrue(rejected(load("""
            { "questionnaire": "ER", "steps": [ { "code": "A", "label": "A" },
              { "code": "B", "label": "B", "right": "dossier.avancer", "guards": ["toujours"] } ] }
            """)).get(0).location().line() >= 1);
    }

    @Test
    void theStandardWorkflowGoesFromEntryToTransmission() {
        WorkflowDefinition standard = WorkflowDefinition.standard("QDIS");
        assertEquals("SAISIE", standard.steps().get(0).code());
        assertEquals("TRANSMIS", standard.steps().get(standard.steps().size() - 1).code());
        assertTrue(standard.locked("TRANSMIS"));
        assertFalse(standard.visibleToPartner("VALIDE"));
        assertTrue(standard.visibleToPartner("FIABILISE"));
    }
}
