package org.liasse.extender.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.liasse.api.definition.StepDefinition;
import org.liasse.api.definition.StepGuard;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.extender.definition.LocatedNode.JsonArray;
import org.liasse.extender.definition.LocatedNode.JsonBoolean;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;

/**
 * Builds {@link WorkflowDefinition}s from trees that match {@code workflows.schema.json}, checking that the
 * questionnaire exists and has one workflow in the plugin, that step codes are unique, that the first step needs no
 * right nor guard and that every other step names a known right.
 */
final class WorkflowReader {

    private final QuestionnaireCatalog catalog;
    private final Predicate<String> knownRight;
    private final UniqueCodes questionnaires = new UniqueCodes();

    /** Checks questionnaires against the catalogue, and rights with {@code knownRight} (core and the plugin's). */
    WorkflowReader(QuestionnaireCatalog catalog, Predicate<String> knownRight) {
        this.catalog = catalog;
        this.knownRight = knownRight;
    }

    /** Reads the workflow of one schema-valid file, reporting its semantic problems. */
    List<WorkflowDefinition> read(JsonTree tree, FileProblems problems) {
        JsonObject root = (JsonObject) tree.root();
        JsonString questionnaire = root.stringNode("questionnaire");
        if (catalog.versions(questionnaire.value()).isEmpty()) {
            problems.add(questionnaire.position(), QuestionnaireCatalog.unknown(questionnaire.value()));
        }
        questionnaires.claim(questionnaire.value(), problems.at(questionnaire.position()), problems,
            "circuit en double pour le questionnaire « " + questionnaire.value() + " »");
        UniqueCodes codes = new UniqueCodes();
        List<StepDefinition> steps = new ArrayList<>();
        for (JsonObject node : root.objects("steps")) {
            JsonString code = node.stringNode("code");
            codes.claim(code.value(), problems.at(code.position()), problems, "étape en double « " + code.value() + " »");
            Optional<String> right = node.get("right").map(value -> ((JsonString) value).value());
            List<StepGuard> guards = node.get("guards").map(value -> ((JsonArray) value).items().stream()
                .map(item -> StepGuard.of(((JsonString) item).value())).toList()).orElse(List.of());
            if (steps.isEmpty() && (right.isPresent() || !guards.isEmpty())) {
                problems.add(code.position(), "la première étape est la saisie : elle ne demande ni droit ni condition");
            }
            if (!steps.isEmpty() && right.isEmpty()) {
                problems.add(code.position(), "l'étape « " + code.value() + " » doit indiquer le droit (« right ») "
                    + "qui permet d'y faire passer un dossier");
            }
            right.filter(known -> !knownRight.test(known)).ifPresent(unknown -> problems.add(code.position(),
                "droit inconnu « " + unknown + " » : ni droit du socle, ni droit déclaré par ce plugin"));
            steps.add(new StepDefinition(code.value(), node.string("label"), right.orElse(""), guards,
                flag(node, "visibleToPartner"), flag(node, "locked")));
        }
        return List.of(new WorkflowDefinition(questionnaire.value(), steps, problems.at(root.position())));
    }

    private static boolean flag(JsonObject node, String name) {
        return node.get(name).map(value -> ((JsonBoolean) value).value()).orElse(false);
    }
}
