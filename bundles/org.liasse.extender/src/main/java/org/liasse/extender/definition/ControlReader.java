package org.liasse.extender.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.liasse.api.definition.AggregateDefinition;
import org.liasse.api.definition.ControlDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.Severity;
import org.liasse.extender.control.Ast;
import org.liasse.extender.control.CompiledPlan;
import org.liasse.extender.control.RuleChecker;
import org.liasse.extender.control.RuleSet;
import org.liasse.extender.control.Template;
import org.liasse.extender.definition.CellReferences.CellReference;
import org.liasse.extender.definition.LocatedNode.JsonArray;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;
import org.liasse.extender.formula.FormulaException;

/**
 * Builds {@link ControlDefinition}s and {@link AggregateDefinition}s from trees that match
 * {@code controls.schema.json}: checks that codes are unique in the plugin and that the questionnaires and cells
 * they refer to exist, then, once every file is read ({@link #compile}), parses and type-checks each rule, message
 * and aggregate against every version of its questionnaire.
 */
final class ControlReader {

    /** A control read from a file, waiting for {@link #compile}. */
    private record Pending(JsonTree tree, JsonObject node, FileProblems problems, ControlDefinition definition,
                           List<QuestionnaireDefinition> versions, List<String> restriction, boolean checkable) {
    }

    /** An aggregate read from a file, waiting for {@link #compile}. */
    private record PendingAggregate(JsonTree tree, JsonObject node, FileProblems problems,
                                    AggregateDefinition definition, List<QuestionnaireDefinition> versions,
                                    List<String> restriction, boolean checkable) {
    }

    /**
     * Everything the control files declare, checked.
     *
     * @param controls   controls, with their highlighted cells
     * @param aggregates aggregates
     * @param rules      their parsed forms, for compiled plans
     */
    record Compiled(List<ControlDefinition> controls, List<AggregateDefinition> aggregates, RuleSet rules) {
    }

    private final QuestionnaireCatalog catalog;
    private final UniqueCodes codes = new UniqueCodes();
    private final UniqueCodes aggregateCodes = new UniqueCodes();
    private final List<Pending> controls = new ArrayList<>();
    private final List<PendingAggregate> aggregates = new ArrayList<>();

    ControlReader(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    /** Reads the controls and aggregates of one schema-valid file, reporting their reference problems. */
    List<ControlDefinition> read(JsonTree tree, FileProblems problems) {
        JsonObject root = (JsonObject) tree.root();
        if (root.get("aggregates").isPresent()) {
            root.objects("aggregates").forEach(aggregate -> aggregate(tree, aggregate, problems));
        }
        return root.objects("controls").stream().map(control -> control(tree, control, problems)).toList();
    }

    private ControlDefinition control(JsonTree tree, JsonObject node, FileProblems problems) {
        int before = problems.count();
        JsonString code = node.stringNode("code");
        codes.claim(code.value(), problems.at(code.position()), problems,
                "code de contrôle en double « " + code.value() + " »");
        JsonString questionnaire = node.stringNode("questionnaire");
        List<String> restriction = restriction(node);
        Optional<List<QuestionnaireDefinition>> versions = versions(questionnaire, node, problems);
        JsonString expression = node.stringNode("expression");
        List<String> cells = cells(tree, expression, questionnaire.value(), versions, problems);
        Severity severity = Severity.valueOf(node.string("severity").toUpperCase(Locale.ROOT));
        ControlDefinition definition = new ControlDefinition(code.value(), questionnaire.value(), severity,
                expression.value(), node.string("message"), cells, problems.at(node.position()));
        controls.add(new Pending(tree, node, problems, definition, versions.orElse(List.of()), restriction,
                checkable(versions, problems, before)));
        return definition;
    }

    private void aggregate(JsonTree tree, JsonObject node, FileProblems problems) {
        int before = problems.count();
        JsonString code = node.stringNode("code");
        aggregateCodes.claim(code.value(), problems.at(code.position()), problems,
                "code d'agrégat en double « " + code.value() + " »");
        JsonString questionnaire = node.stringNode("questionnaire");
        Optional<List<QuestionnaireDefinition>> versions = versions(questionnaire, node, problems);
        JsonString expression = node.stringNode("expression");
        cells(tree, expression, questionnaire.value(), versions, problems);
        AggregateDefinition definition = new AggregateDefinition(code.value(), questionnaire.value(),
                node.string("label"), optional(node, "group"), optional(node, "unit"), expression.value(),
                problems.at(node.position()));
        aggregates.add(new PendingAggregate(tree, node, problems, definition, versions.orElse(List.of()),
                restriction(node), checkable(versions, problems, before)));
    }

    private static String optional(JsonObject node, String name) {
        return node.get(name).map(value -> ((JsonString) value).value()).orElse("");
    }

    /** The versions a control or aggregate is checked in: every known version, or those it is restricted to. */
    private Optional<List<QuestionnaireDefinition>> versions(JsonString questionnaire, JsonObject node,
                                                             FileProblems problems) {
        Optional<List<QuestionnaireDefinition>> versions = catalog.versions(questionnaire.value());
        if (versions.isEmpty()) {
            problems.add(questionnaire.position(), QuestionnaireCatalog.unknown(questionnaire.value()));
            return versions;
        }
        Optional<LocatedNode> restriction = node.get("versions");
        if (restriction.isEmpty() || versions.get().isEmpty()) {
            return versions;
        }
        List<QuestionnaireDefinition> kept = new ArrayList<>();
        for (LocatedNode item : ((JsonArray) restriction.get()).items()) {
            JsonString version = (JsonString) item;
            Optional<QuestionnaireDefinition> found = versions.get().stream()
                    .filter(q -> q.version().equals(version.value())).findFirst();
            found.ifPresentOrElse(kept::add, () -> problems.add(version.position(), "version inconnue « "
                    + version.value() + " » du questionnaire " + questionnaire.value()));
        }
        return Optional.of(kept);
    }

    private static List<String> restriction(JsonObject node) {
        return node.get("versions").map(array -> ((JsonArray) array).items().stream()
                .map(item -> ((JsonString) item).value()).toList()).orElse(List.of());
    }

    /** Rules are compiled only when their references are sound and their questionnaire can be checked. */
    private static boolean checkable(Optional<List<QuestionnaireDefinition>> versions, FileProblems problems, int before) {
        return problems.count() == before && versions.isPresent() && !versions.get().isEmpty();
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

    private void checkCell(String cell, String questionnaire, List<QuestionnaireDefinition> versions,
                           Position at, FileProblems problems) {
        catalog.unknownCell(cell, questionnaire, versions).ifPresent(message -> problems.add(at, message));
    }

    // ------------------------------------------------------------------ compilation

    /** Parses and type-checks every rule, message and aggregate read so far, against every questionnaire version. */
    Compiled compile() {
        Function<String, Optional<QuestionnaireDefinition>> others = code -> catalog.versions(code)
                .filter(list -> !list.isEmpty()).map(list -> list.get(list.size() - 1));
        Map<String, RuleSet.Aggregate> parsed = new LinkedHashMap<>();
        for (PendingAggregate aggregate : aggregates) {
            JsonString expression = aggregate.node().stringNode("expression");
            if (aggregate.checkable()) {
                parse(aggregate.tree(), expression, aggregate.problems(), "formule d'agrégat invalide : ")
                        .ifPresent(ast -> parsed.putIfAbsent(aggregate.definition().code(),
                                new RuleSet.Aggregate(aggregate.definition(), ast, aggregate.restriction())));
            }
        }
        RuleSet aggregatesOnly = new RuleSet(List.of(), List.copyOf(parsed.values()));
        for (PendingAggregate aggregate : aggregates) {
            RuleSet.Aggregate compiled = parsed.get(aggregate.definition().code());
            if (compiled == null || compiled.definition() != aggregate.definition()) {
                continue;
            }
            JsonString expression = aggregate.node().stringNode("expression");
            for (QuestionnaireDefinition version : aggregate.versions()) {
                Optional<FormulaException> error = RuleChecker.aggregate(version, others, aggregatesOnly,
                        aggregate.definition().code());
                if (error.isPresent()) {
                    report(aggregate.tree(), expression, aggregate.problems(), error.get(), 0,
                            "formule d'agrégat invalide : ");
                    break;
                }
            }
        }
        List<ControlDefinition> definitions = new ArrayList<>();
        List<RuleSet.Rule> rules = new ArrayList<>();
        for (Pending control : controls) {
            ControlDefinition definition = control.checkable()
                    ? compile(control, aggregatesOnly, others, rules) : control.definition();
            definitions.add(definition);
        }
        List<AggregateDefinition> aggregateDefinitions = aggregates.stream().map(PendingAggregate::definition).toList();
        return new Compiled(definitions, aggregateDefinitions, new RuleSet(rules, aggregatesOnly.aggregates()));
    }

    private ControlDefinition compile(Pending control, RuleSet aggregatesOnly,
                                      Function<String, Optional<QuestionnaireDefinition>> others,
                                      List<RuleSet.Rule> rules) {
        FileProblems problems = control.problems();
        JsonString expression = control.node().stringNode("expression");
        JsonString message = control.node().stringNode("message");
        Optional<Ast> ast = parse(control.tree(), expression, problems, "règle invalide : ");
        Optional<Template> template = Optional.empty();
        try {
            template = Optional.of(Template.parse(message.value()));
        } catch (FormulaException e) {
            report(control.tree(), message, problems, e, 0, "message invalide : ");
        }
        List<QuestionnaireDefinition> versions = control.versions();
        Optional<List<String>> declared = declaredCells(control, versions);
        if (ast.isEmpty() || template.isEmpty() || declared.isEmpty()) {
            return control.definition();
        }
        List<String> highlight = List.of();
        for (QuestionnaireDefinition version : versions) {
            RuleChecker.Checked checked = RuleChecker.rule(version, others, aggregatesOnly,
                    control.definition().expression(), ast.get(), template.get());
            if (checked.error().isPresent()) {
                RuleChecker.Located error = checked.error().get();
                if (error.inMessage()) {
                    report(control.tree(), message, problems, error.error(), 0, "message invalide : ");
                } else {
                    report(control.tree(), expression, problems, error.error(), 0, "règle invalide : ");
                }
                return control.definition();
            }
            highlight = checked.highlight();
        }
        ControlDefinition base = control.definition();
        ControlDefinition definition = new ControlDefinition(base.code(), base.questionnaire(), base.severity(),
                base.expression(), base.message(), base.cells(), base.location(),
                declared.get().isEmpty() ? highlight : declared.get());
        rules.add(new RuleSet.Rule(definition, ast.get(), template.get(), control.restriction()));
        return definition;
    }

    /** The cells the plugin asks to highlight, each checked; an empty list when it declares none. */
    private Optional<List<String>> declaredCells(Pending control, List<QuestionnaireDefinition> versions) {
        Optional<LocatedNode> cells = control.node().get("cells");
        if (cells.isEmpty()) {
            return Optional.of(List.of());
        }
        List<String> declared = new ArrayList<>();
        boolean valid = true;
        for (LocatedNode item : ((JsonArray) cells.get()).items()) {
            JsonString cell = (JsonString) item;
            Optional<String> unknown = catalog.unknownCell(cell.value(),
                    control.definition().questionnaire(), versions);
            if (unknown.isPresent()) {
                control.problems().add(cell.position(), unknown.get());
                valid = false;
            }
            declared.add(cell.value());
        }
        return valid ? Optional.of(declared) : Optional.empty();
    }

    private static Optional<Ast> parse(JsonTree tree, JsonString expression, FileProblems problems, String prefix) {
        try {
            return Optional.of(org.liasse.extender.control.Parser.parse(expression.value()));
        } catch (FormulaException e) {
            report(tree, expression, problems, e, 0, prefix);
            return Optional.empty();
        }
    }

    private static void report(JsonTree tree, JsonString node, FileProblems problems, FormulaException error, int shift,
                               String prefix) {
        int offset = Math.min(error.offset() + shift, node.value().length());
        problems.add(tree.positionInString(node, offset), prefix + error.getMessage());
    }
}
