package org.liasse.extender.definition;

import java.util.List;
import java.util.Locale;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.ReportScope;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;

/**
 * Builds {@link ReportDefinition}s from trees that match {@code reports.schema.json}, checking that report codes
 * are unique in the plugin and that the questionnaires they read exist.
 */
final class ReportReader {

    private final QuestionnaireCatalog catalog;
    private final UniqueCodes codes = new UniqueCodes();

    ReportReader(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    /** Reads the reports of one schema-valid file, reporting their semantic problems. */
    List<ReportDefinition> read(JsonTree tree, FileProblems problems) {
        return ((JsonObject) tree.root()).objects("reports").stream().map(report -> report(report, problems)).toList();
    }

    private ReportDefinition report(JsonObject node, FileProblems problems) {
        JsonString code = node.stringNode("code");
        codes.claim(code.value(), problems.at(code.position()), problems,
                "code de rapport en double « " + code.value() + " »");
        JsonString questionnaire = node.stringNode("questionnaire");
        if (catalog.versions(questionnaire.value()).isEmpty()) {
            problems.add(questionnaire.position(), QuestionnaireCatalog.unknown(questionnaire.value()));
        }
        ReportScope scope = ReportScope.valueOf(node.string("scope").toUpperCase(Locale.ROOT));
        return new ReportDefinition(code.value(), node.string("title"), scope, questionnaire.value(),
                problems.at(node.position()));
    }
}
