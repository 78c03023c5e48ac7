package org.liasse.extender.definition;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.liasse.api.definition.AggregateDefinition;
import org.liasse.api.definition.FieldType;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.ReportChart;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.ReportGrouping;
import org.liasse.api.definition.ReportScope;
import org.liasse.api.definition.ReportSection;
import org.liasse.api.definition.ReportSectionKind;
import org.liasse.extender.definition.LocatedNode.JsonBoolean;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;

/**
 * Builds {@link ReportDefinition}s from trees that match {@code reports.schema.json}, checking that report codes
 * are unique in the plugin, that the questionnaires they read exist, that each section fits the report's scope and
 * reads the plugin's own aggregates of that questionnaire and numeric cells that every version of it has.
 */
final class ReportReader {

    private static final Set<FieldType> NUMBERS =
            Set.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.AMOUNT, FieldType.PERCENTAGE);

    private final QuestionnaireCatalog catalog;
    private final List<AggregateDefinition> aggregates;
    private final UniqueCodes codes = new UniqueCodes();

    /**
     * @param catalog    the questionnaires references are checked against
     * @param aggregates the plugin's aggregates, which sections may show
     */
    ReportReader(QuestionnaireCatalog catalog, List<AggregateDefinition> aggregates) {
        this.catalog = catalog;
        this.aggregates = aggregates;
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
        Optional<List<QuestionnaireDefinition>> versions = catalog.versions(questionnaire.value());
        if (versions.isEmpty()) {
            problems.add(questionnaire.position(), QuestionnaireCatalog.unknown(questionnaire.value()));
        }
        ReportScope scope = ReportScope.valueOf(node.string("scope").toUpperCase(Locale.ROOT));
        Optional<JsonBoolean> national = node.get("national").map(JsonBoolean.class::cast);
        if (scope == ReportScope.DOSSIER && national.filter(JsonBoolean::value).isPresent()) {
            problems.add(national.get().position(), "seul un rapport de campagne peut être réservé aux opérateurs "
                    + "nationaux (national)");
        }
        Set<String> known = aggregates.stream().filter(a -> a.questionnaire().equals(questionnaire.value()))
                .map(AggregateDefinition::code).collect(Collectors.toSet());
        List<ReportSection> sections = node.objects("sections").stream()
                .map(section -> section(section, scope, questionnaire.value(), known, versions.orElse(List.of()),
                        problems))
                .toList();
        return new ReportDefinition(code.value(), node.string("title"), scope, questionnaire.value(),
                node.get("kind").map(kind -> ((JsonString) kind).value()).orElse(null),
                national.map(JsonBoolean::value).orElse(false), sections, problems.at(node.position()));
    }

    private ReportSection section(JsonObject node, ReportScope scope, String questionnaire, Set<String> known,
                                  List<QuestionnaireDefinition> versions, FileProblems problems) {
        JsonString type = node.stringNode("type");
        ReportSectionKind kind = ReportSectionKind.valueOf(type.value().toUpperCase(Locale.ROOT));
        if (kind.scope() != scope) {
            problems.add(type.position(), "une section « " + type.value() + " » n'a sa place que dans un rapport "
                    + (kind.scope() == ReportScope.DOSSIER ? "de dossier (scope dossier)"
                    : "de campagne (scope campaign)"));
        }
        List<JsonString> aggregateNodes = node.strings("aggregates");
        List<JsonString> cellNodes = node.strings("cells");
        for (JsonString aggregate : aggregateNodes) {
            if (!known.contains(aggregate.value())) {
                problems.add(aggregate.position(), "agrégat inconnu « " + aggregate.value()
                        + " » : le plugin ne le déclare pas pour le questionnaire " + questionnaire);
            }
        }
        for (JsonString cell : cellNodes) {
            cellProblem(cell.value(), questionnaire, versions).ifPresent(message -> problems.add(cell.position(),
                    message));
        }
        boolean measured = !aggregateNodes.isEmpty() || !cellNodes.isEmpty();
        if (kind == ReportSectionKind.COMPLETION ? measured : !measured) {
            problems.add(type.position(), kind == ReportSectionKind.COMPLETION
                    ? "une section « completion » ne lit ni agrégat ni cellule"
                    : "une section « " + type.value() + " » montre au moins un agrégat ou une cellule");
        }
        List<JsonString> groupNodes = node.strings("groupBy");
        if (scope == ReportScope.DOSSIER && !groupNodes.isEmpty()) {
            problems.add(groupNodes.get(0).position(), "seules les sections d'un rapport de campagne regroupent "
                    + "des organismes (groupBy)");
        }
        return new ReportSection(kind, node.string("title"), values(aggregateNodes), values(cellNodes),
                groupNodes.stream().map(g -> ReportGrouping.valueOf(g.value().toUpperCase(Locale.ROOT))).toList(),
                node.get("chart").map(chart -> ReportChart.valueOf(((JsonString) chart).value()
                        .toUpperCase(Locale.ROOT))).orElse(ReportChart.NONE));
    }

    /** Why a cell cannot be shown: missing from a version, or not a number. */
    private Optional<String> cellProblem(String cell, String questionnaire, List<QuestionnaireDefinition> versions) {
        Optional<String> unknown = catalog.unknownCell(cell, questionnaire, versions);
        if (unknown.isPresent()) {
            return unknown;
        }
        boolean numeric = versions.stream().allMatch(version -> version.cell(cell)
                .map(definition -> NUMBERS.contains(definition.column().type())).orElse(true));
        return numeric ? Optional.empty() : Optional.of("la cellule « " + cell + " » du questionnaire "
                + questionnaire + " n'est pas un nombre : un rapport ne montre que des nombres");
    }


    private static List<String> values(List<JsonString> nodes) {
        return nodes.stream().map(JsonString::value).distinct().toList();
    }
}
