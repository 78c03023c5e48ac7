package org.liasse.extender.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.liasse.api.definition.ControlDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.Severity;
import org.liasse.extender.definition.CellReferences.CellReference;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;

/**
 * Builds {@link ControlDefinition}s from trees that match {@code controls.schema.json}, checking that control codes
 * are unique in the plugin and that the questionnaires and cells they refer to exist.
 */
final class ControlReader {

    private final QuestionnaireCatalog catalog;
    private final UniqueCodes codes = new UniqueCodes();

    ControlReader(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    /** Reads the controls of one schema-valid file, reporting their semantic problems. */
    List<ControlDefinition> read(JsonTree tree, FileProblems problems) {
        return ((JsonObject) tree.root()).objects("controls").stream()
                .map(control -> control(tree, control, problems)).toList();
    }

    private ControlDefinition control(JsonTree tree, JsonObject node, FileProblems problems) {
        JsonString code = node.stringNode("code");
        codes.claim(code.value(), problems.at(code.position()), problems,
                "code de contrôle en double « " + code.value() + " »");
        JsonString questionnaire = node.stringNode("questionnaire");
        Optional<List<QuestionnaireDefinition>> versions = catalog.versions(questionnaire.value());
        if (versions.isEmpty()) {
            problems.add(questionnaire.position(), QuestionnaireCatalog.unknown(questionnaire.value()));
        }
        JsonString expression = node.stringNode("expression");
        List<String> cells = cells(tree, expression, questionnaire.value(), versions, problems);
        Severity severity = Severity.valueOf(node.string("severity").toUpperCase(Locale.ROOT));
        return new ControlDefinition(code.value(), questionnaire.value(), severity, expression.value(),
                node.string("message"), cells, problems.at(node.position()));
    }

    /** The cell references of an expression, as written, after checking that each one exists. */
    private List<String> cells(JsonTree tree, JsonString expression, String questionnaire,
                               Optional<List<QuestionnaireDefinition>> versions, FileProblems problems) {
        List<String> cells = new ArrayList<>();
        for (CellReference reference : CellReferences.in(expression.value())) {
            cells.add(reference.text());
            Position at = tree.positionInString(expression, reference.index());
            String target = reference.questionnaire().orElse(questionnaire);
            Optional<List<QuestionnaireDefinition>> targetVersions =
                    reference.questionnaire().map(catalog::versions).orElse(versions);
            if (targetVersions.isEmpty() && reference.questionnaire().isPresent()) {
                problems.add(at, QuestionnaireCatalog.unknown(target));
            }
            targetVersions.ifPresent(found -> checkCell(reference.cell(), target, found, at, problems));
        }
        return cells;
    }

    private static void checkCell(String cell, String questionnaire, List<QuestionnaireDefinition> versions,
                                  Position at, FileProblems problems) {
        QuestionnaireCatalog.unknownCell(cell, questionnaire, versions).ifPresent(message -> problems.add(at, message));
    }
}
