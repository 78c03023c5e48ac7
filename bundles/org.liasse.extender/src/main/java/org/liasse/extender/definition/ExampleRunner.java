package org.liasse.extender.definition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.Formula;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.extender.control.CompiledPlan;
import org.liasse.extender.control.RuleSet;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;
import org.liasse.extender.definition.LocatedNode.Member;

/**
 * Runs the example datasets of a plugin ({@code examples/*.json}) against its compiled controls and aggregates:
 * computes the computed cells as a save would, evaluates, and reports every outcome that differs from the expected
 * one at the line of the expectation.
 */
final class ExampleRunner {

    private static final Map<String, ControlStatus> STATUSES = Map.of("passed", ControlStatus.PASSED,
            "failed", ControlStatus.FAILED, "not_applicable", ControlStatus.NOT_APPLICABLE,
            "runtime_error", ControlStatus.RUNTIME_ERROR);
    private static final Map<ControlStatus, String> FRENCH = Map.of(ControlStatus.PASSED, "réussi",
            ControlStatus.FAILED, "échoué", ControlStatus.NOT_APPLICABLE, "non applicable",
            ControlStatus.RUNTIME_ERROR, "erreur d'exécution");

    private final QuestionnaireCatalog catalog;
    private final RuleSet rules;
    private final UniqueCodes codes = new UniqueCodes();

    ExampleRunner(QuestionnaireCatalog catalog, RuleSet rules) {
        this.catalog = catalog;
        this.rules = rules;
    }

    /** Runs the examples of one schema-valid file; returns how many ran. */
    List<String> run(JsonTree tree, FileProblems problems) {
        return ((JsonObject) tree.root()).objects("examples").stream()
                .map(example -> run(example, problems)).toList();
    }

    private String run(JsonObject example, FileProblems problems) {
        JsonString code = example.stringNode("code");
        codes.claim(code.value(), problems.at(code.position()), problems, "code d'exemple en double « " + code.value() + " »");
        String name = "exemple « " + code.value() + " » : ";
        JsonString questionnaireCode = example.stringNode("questionnaire");
        Optional<QuestionnaireDefinition> found = questionnaire(questionnaireCode.value(),
                example.get("version").map(v -> ((JsonString) v).value()));
        if (found.isEmpty()) {
            problems.add(questionnaireCode.position(), name + "questionnaire ou version inconnu « "
                    + questionnaireCode.value() + example.get("version").map(v -> " " + ((JsonString) v).value()).orElse("")
                    + " »");
            return code.value();
        }
        QuestionnaireDefinition questionnaire = found.get();
        Map<String, CellDefinition> cells = questionnaire.cells();
        Map<String, String> values = values(example, "values", cells, name, problems);
        Map<String, String> previous = values(example, "previous", cells, name, problems);
        Map<String, Map<String, String>> others = new LinkedHashMap<>();
        example.get("others").ifPresent(node -> ((JsonObject) node).members().forEach(member -> others.put(member.name(),
                strings((JsonObject) member.value()))));
        Function<String, Optional<QuestionnaireDefinition>> otherVersions = other -> catalog.versions(other)
                .filter(list -> !list.isEmpty()).map(list -> list.get(list.size() - 1));
        CompiledPlan plan = CompiledPlan.build(questionnaire, otherVersions,
                List.of(new CompiledPlan.PluginRules("exemple", rules)));
        ControlReport report = plan.evaluate(new ControlData(computed(questionnaire, cells, values),
                computed(questionnaire, cells, previous), others));
        checkOutcomes(example, report, name, questionnaire, problems);
        checkAggregates(example, report, name, problems);
        return code.value();
    }

    private Optional<QuestionnaireDefinition> questionnaire(String code, Optional<String> version) {
        List<QuestionnaireDefinition> versions = catalog.versions(code).orElse(List.of());
        if (version.isPresent()) {
            return versions.stream().filter(q -> q.version().equals(version.get())).findFirst();
        }
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    private static Map<String, String> strings(JsonObject object) {
        Map<String, String> values = new HashMap<>();
        object.members().forEach(member -> values.put(member.name(), ((JsonString) member.value()).value()));
        return values;
    }

    /** Entered values; unknown and computed cells are problems. */
    private static Map<String, String> values(JsonObject example, String member, Map<String, CellDefinition> cells,
                                              String name, FileProblems problems) {
        Map<String, String> values = new HashMap<>();
        Optional<LocatedNode> node = example.get(member);
        if (node.isEmpty()) {
            return values;
        }
        for (Member value : ((JsonObject) node.get()).members()) {
            CellDefinition cell = cells.get(value.name());
            if (cell == null) {
                problems.add(value.position(), name + "cellule inconnue « " + value.name() + " »");
            } else if (cell.computed()) {
                problems.add(value.position(), name + "la cellule « " + value.name() + " » est calculée : la plateforme "
                        + "la calcule, ne la donnez pas");
            } else {
                values.put(value.name(), ((JsonString) value.value()).value());
            }
        }
        return values;
    }

    /** The values with every computed cell computed as a save does (dependency order, column scale, half up). */
    private static Map<String, String> computed(QuestionnaireDefinition questionnaire, Map<String, CellDefinition> cells,
                                                Map<String, String> entered) {
        Map<String, String> values = new HashMap<>(entered);
        for (Map.Entry<String, Formula> computed : questionnaire.computed().entrySet()) {
            BigDecimal result = computed.getValue().evaluate(cell -> {
                String value = values.get(cell);
                try {
                    return value == null || value.isEmpty() ? null : new BigDecimal(value);
                } catch (NumberFormatException e) {
                    return null;
                }
            });
            if (result == null) {
                values.remove(computed.getKey());
            } else {
                values.put(computed.getKey(), result.setScale(cells.get(computed.getKey()).column().scale(),
                        RoundingMode.HALF_UP).toPlainString());
            }
        }
        return values;
    }

    private static void checkOutcomes(JsonObject example, ControlReport report, String name,
                                      QuestionnaireDefinition questionnaire, FileProblems problems) {
        Map<String, ControlOutcome> outcomes = new HashMap<>();
        report.outcomes().forEach(outcome -> outcomes.put(outcome.code(), outcome));
        for (Member expected : ((JsonObject) example.get("expected").orElseThrow()).members()) {
            ControlOutcome outcome = outcomes.get(expected.name());
            if (outcome == null) {
                problems.add(expected.position(), name + "aucun contrôle « " + expected.name() + " » du questionnaire "
                        + questionnaire.code() + " version " + questionnaire.version() + " dans ce plugin");
                continue;
            }
            ControlStatus wanted = STATUSES.get(((JsonString) expected.value()).value());
            if (outcome.status() != wanted) {
                problems.add(expected.value().position(), name + "le contrôle " + expected.name() + " est « "
                        + FRENCH.get(outcome.status()) + " » au lieu de « " + FRENCH.get(wanted) + " »"
                        + (outcome.message().isEmpty() ? "" : " (" + outcome.message() + ")"));
            }
        }
    }

    private static void checkAggregates(JsonObject example, ControlReport report, String name, FileProblems problems) {
        Optional<LocatedNode> expectedValues = example.get("aggregates");
        if (expectedValues.isEmpty()) {
            return;
        }
        Map<String, AggregateValue> values = new HashMap<>();
        report.aggregates().forEach(value -> values.put(value.code(), value));
        for (Member expected : ((JsonObject) expectedValues.get()).members()) {
            AggregateValue value = values.get(expected.name());
            String wanted = ((JsonString) expected.value()).value();
            if (value == null) {
                problems.add(expected.position(), name + "aucun agrégat « " + expected.name() + " » dans ce plugin");
            } else if (!sameValue(value.value(), wanted)) {
                problems.add(expected.value().position(), name + "l'agrégat " + expected.name() + " vaut « "
                        + (value.value() == null ? "" : value.value().stripTrailingZeros().toPlainString())
                        + " » au lieu de « " + wanted + " »" + (value.error().isEmpty() ? "" : " (" + value.error() + ")"));
            }
        }
    }

    private static boolean sameValue(BigDecimal actual, String wanted) {
        if (wanted.isEmpty() || actual == null) {
            return wanted.isEmpty() && actual == null;
        }
        try {
            return actual.compareTo(new BigDecimal(wanted)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
