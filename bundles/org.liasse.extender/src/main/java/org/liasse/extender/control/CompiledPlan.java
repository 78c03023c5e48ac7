package org.liasse.extender.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.liasse.api.control.AggregateInfo;
import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlExplanation;
import org.liasse.api.control.ControlInfo;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlPlan;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.control.ExplainedExpression;
import org.liasse.api.definition.AggregateDefinition;
import org.liasse.api.definition.ControlDefinition;
import org.liasse.api.definition.FieldType;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.format.FrenchFormat;
import org.liasse.extender.control.Nodes.Comparing;
import org.liasse.extender.control.Nodes.Cond;
import org.liasse.extender.control.Nodes.Node;
import org.liasse.extender.control.Nodes.Num;
import org.liasse.extender.formula.FormulaException;

/**
 * The controls and aggregates of one questionnaire version compiled over one {@link Layout}: {@link #evaluate}
 * prepares a dossier's values once, then runs every compiled rule on the arrays.
 */
public final class CompiledPlan implements ControlPlan {

    /**
     * The rules of one plugin for a plan.
     *
     * @param ruleVersion plugin id and version, e.g. {@code org.liasse.ministry.er 1.0.0}
     * @param rules       its parsed rules
     */
    public record PluginRules(String ruleVersion, RuleSet rules) {
    }

    /** A compiled message piece: a literal, an operand placeholder or an expression. */
    private record Piece(String literal, String operand, Node expression) {
    }

    private record Control(ControlInfo info, Cond rule, String broken, List<Piece> message,
                           Map<String, Node> involved, ControlOutcome passed, ControlOutcome notApplicable) {
    }

    private record Aggregate(AggregateInfo info, Num formula, String broken) {
    }

    private final String code;
    private final String version;
    private final String fingerprint;
    private final boolean readsPrevious;
    private final Set<String> questionnairesRead;
    private final Layout layout;
    private final Control[] controls;
    private final Cond[] rules;
    /** The rules as JVM bytecode; empty when the class could not be defined (the closures then run them all). */
    private final Optional<Program> program;
    private final Aggregate[] aggregates;
    private final Map<String, Integer> byCode = new HashMap<>();

    private CompiledPlan(String code, String version, String fingerprint, Layout layout, List<Control> controls,
                         List<Aggregate> aggregates) {
        this.code = code;
        this.version = version;
        this.fingerprint = fingerprint;
        this.readsPrevious = layout.readsPrevious();
        this.questionnairesRead = Set.copyOf(layout.others());
        this.layout = layout;
        this.controls = controls.toArray(new Control[0]);
        this.rules = controls.stream().map(Control::rule).toArray(Cond[]::new);
        this.program = ProgramWriter.write(rules);
        this.aggregates = aggregates.toArray(new Aggregate[0]);
        for (int i = 0; i < this.controls.length; i++) {
            byCode.putIfAbsent(this.controls[i].info().code(), i);
        }
        layout.freeze();
    }

    /**
     * Compiles the rules of several plugins for one questionnaire version. Never fails: a rule that cannot be
     * compiled against this version (e.g. a version that appeared after the plugin was checked) gives
     * {@link ControlStatus#RUNTIME_ERROR} outcomes with the reason.
     *
     * @param questionnaire the version of the dossiers
     * @param others        latest active version of another questionnaire, by code
     * @param plugins       the plugins' rules, in order
     */
    public static CompiledPlan build(QuestionnaireDefinition questionnaire,
                                     Function<String, Optional<QuestionnaireDefinition>> others,
                                     List<PluginRules> plugins) {
        Layout layout = new Layout();
        List<Control> controls = new ArrayList<>();
        List<Aggregate> aggregates = new ArrayList<>();
        MessageDigest digest = sha256();
        for (PluginRules plugin : plugins) {
            Binder binder = binder(questionnaire, others, plugin.rules(), layout);
            for (RuleSet.Aggregate aggregate : plugin.rules().aggregates()) {
                if (aggregate.definition().questionnaire().equals(questionnaire.code())
                    && aggregate.appliesTo(questionnaire.version())) {
                    aggregates.add(aggregate(binder, aggregate.definition(), plugin.ruleVersion(), questionnaire));
                    digest.update((aggregate.signature() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            for (RuleSet.Rule rule : plugin.rules().rules()) {
                if (rule.definition().questionnaire().equals(questionnaire.code())
                    && rule.appliesTo(questionnaire.version())) {
                    controls.add(control(binder, rule, plugin.ruleVersion(), questionnaire));
                    digest.update((rule.signature() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return new CompiledPlan(questionnaire.code(), questionnaire.version(), HexFormat.of().formatHex(digest.digest()),
            layout, controls, aggregates);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A binder for the rules of one plugin. */
    static Binder binder(QuestionnaireDefinition questionnaire, Function<String, Optional<QuestionnaireDefinition>> others,
                         RuleSet rules, Layout layout) {
        Map<String, Binder.AggregateSource> sources = new LinkedHashMap<>();
        for (RuleSet.Aggregate aggregate : rules.aggregates()) {
            AggregateDefinition definition = aggregate.definition();
            sources.put(definition.code(), new Binder.AggregateSource(definition.code(), definition.questionnaire(),
                definition.expression(), aggregate.expression()));
        }
        return new Binder(questionnaire, others, sources, layout);
    }

    private static Aggregate aggregate(Binder binder, AggregateDefinition definition, String ruleVersion,
                                       QuestionnaireDefinition questionnaire) {
        AggregateInfo info = new AggregateInfo(definition.code(), definition.label(), definition.group(),
            definition.unit(), definition.expression(), ruleVersion);
        try {
            return new Aggregate(info, binder.aggregate(definition.code()), null);
        } catch (FormulaException e) {
            return new Aggregate(info, null, notForVersion(questionnaire, e));
        }
    }

    private static Control control(Binder binder, RuleSet.Rule rule, String ruleVersion,
                                   QuestionnaireDefinition questionnaire) {
        ControlDefinition definition = rule.definition();
        ControlInfo info = new ControlInfo(definition.code(), definition.severity(), definition.expression(),
            definition.highlight(), ruleVersion);
        Cond compiled = null;
        String broken = null;
        Map<String, Node> involved = Map.of();
        List<Piece> message = new ArrayList<>();
        try {
            compiled = binder.rule(definition.expression(), rule.expression());
            involved = binder.involved();
            for (Template.Part part : rule.message().parts()) {
                message.add(new Piece(FrenchFormat.typography(part.literal()), part.expression() == null ? part.source() : null,
                    part.expression() == null ? null : binder.expression(part.source(), part.expression())));
            }
        } catch (FormulaException e) {
            compiled = null;
            broken = notForVersion(questionnaire, e);
        }
        return new Control(info, compiled, broken, message, involved,
            outcome(info, ControlStatus.PASSED, "", Map.of()), outcome(info, ControlStatus.NOT_APPLICABLE, "", Map.of()));
    }

    private static String notForVersion(QuestionnaireDefinition questionnaire, FormulaException e) {
        return "règle inapplicable à la version " + questionnaire.version() + " du questionnaire " + questionnaire.code()
            + " : " + e.getMessage();
    }

    private static ControlOutcome outcome(ControlInfo info, ControlStatus status, String message, Map<String, String> values) {
        return new ControlOutcome(info.code(), info.severity(), status, message, values, info.cells(), info.ruleVersion());
    }

    @Override
    public String questionnaireCode() {
        return code;
    }

    @Override
    public String questionnaireVersion() {
        return version;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean readsPrevious() {
        return readsPrevious;
    }

    @Override
    public Set<String> questionnairesRead() {
        return questionnairesRead;
    }

    @Override
    public List<ControlInfo> controls() {
        return Arrays.stream(controls).map(Control::info).toList();
    }

    @Override
    public List<AggregateInfo> aggregates() {
        return Arrays.stream(aggregates).map(Aggregate::info).toList();
    }

    /** Number of slots the plan reads per dossier. */
    public int slots() {
        return layout.size();
    }

    /** Reads a dossier's values into the plan's slots. */
    public Frame prepare(ControlData data) {
        return layout.prepare(data);
    }

    @Override
    public ControlReport evaluate(ControlData data) {
        return evaluate(prepare(data));
    }

    /** Evaluates every control and aggregate on prepared values. */
    public ControlReport evaluate(Frame frame) {
        int[] statuses = new int[controls.length];
        statuses(frame, statuses);
        List<ControlOutcome> outcomes = new ArrayList<>(controls.length);
        for (int i = 0; i < controls.length; i++) {
            outcomes.add(statuses[i] == Values.TRUE ? controls[i].passed()
                : statuses[i] == Values.UNKNOWN ? controls[i].notApplicable() : outcome(i, frame));
        }
        List<AggregateValue> values = new ArrayList<>(aggregates.length);
        for (Aggregate aggregate : aggregates) {
            values.add(value(aggregate, frame));
        }
        return new ControlReport(code, version, outcomes, values);
    }

    /** How many rules run as JVM bytecode; the others run as closures. */
    public int compiledRules() {
        return program.isPresent() ? ProgramWriter.compiled(rules) : 0;
    }

    /**
     * The status of every control, without messages: the hot loop of a verification run. The bytecode decides
     * what it can, the closures the rest.
     *
     * @param statuses receives {@link Values#TRUE}, {@link Values#FALSE}, {@link Values#UNKNOWN}, or 2 for a
     *                 runtime error, one per control
     * @return how many controls failed
     */
    public int statuses(Frame frame, int[] statuses) {
        if (program.isPresent()) {
            program.get().run(frame, frame.numbers, statuses);
        } else {
            Arrays.fill(statuses, 0, rules.length, Shapes.HANDOVER);
        }
        int failed = 0;
        for (int i = 0; i < rules.length; i++) {
            int status = statuses[i];
            if (status == Shapes.HANDOVER) {
                status = test(i, frame);
                statuses[i] = status;
            }
            failed += ((status | -status) >>> 31) ^ 1;
        }
        return failed;
    }

    /** One rule on the generic path: 2 for a rule that cannot be compiled or fails at run time. */
    private int test(int i, Frame frame) {
        Cond rule = rules[i];
        if (rule == null) {
            return 2;
        }
        try {
            return rule.test(frame);
        } catch (RuntimeException e) {
            return 2;
        }
    }

    private ControlOutcome outcome(int i, Frame frame) {
        Control control = controls[i];
        if (control.rule() == null) {
            return outcome(control.info(), ControlStatus.RUNTIME_ERROR, control.broken(), Map.of());
        }
        int status;
        try {
            status = control.rule().test(frame);
        } catch (RuntimeException e) {
            return outcome(control.info(), ControlStatus.RUNTIME_ERROR, "Le contrôle n'a pas pu être évalué : "
                + reason(e), involved(control, frame, null));
        }
        if (status == Values.TRUE) {
            return control.passed();
        }
        if (status == Values.UNKNOWN) {
            return control.notApplicable();
        }
        Comparing decider = decider(control.rule(), frame);
        return outcome(control.info(), ControlStatus.FAILED, render(control, frame, decider),
            involved(control, frame, decider));
    }

    private static Comparing decider(Cond rule, Frame frame) {
        try {
            return rule.decider(frame);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String reason(RuntimeException e) {
        return e instanceof RuleError ? e.getMessage() : "erreur interne (" + e + ")";
    }

    private static String render(Control control, Frame frame, Comparing decider) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : control.message()) {
            if (piece.literal() != null) {
                out.append(piece.literal());
            } else if (piece.expression() != null) {
                out.append(french(piece.expression(), frame));
            } else {
                out.append(operand(piece.operand(), decider, frame));
            }
        }
        return out.toString();
    }

    private static String operand(String which, Comparing decider, Frame frame) {
        if (decider == null) {
            return "(?)";
        }
        return switch (which) {
            case "left" -> french(decider.left(), frame);
            case "right" -> french(decider.right(), frame);
            default -> {
                try {
                    Object left = decider.left().value(frame);
                    Object right = decider.right().value(frame);
                    yield left instanceof BigDecimal l && right instanceof BigDecimal r ? Values.french(l.subtract(r)) : "(?)";
                } catch (RuntimeException e) {
                    yield "(illisible)";
                }
            }
        };
    }

    private static Map<String, String> involved(Control control, Frame frame, Comparing decider) {
        Map<String, String> values = new LinkedHashMap<>();
        control.involved().forEach((text, node) -> values.put(text, french(node, frame)));
        if (decider != null) {
            values.put("left", french(decider.left(), frame));
            values.put("right", french(decider.right(), frame));
        }
        return values;
    }

    /** A node's value as French text, {@code (illisible)} when it cannot be evaluated. */
    private static String french(Node node, Frame frame) {
        try {
            Object value = node.value(frame);
            if (node.type() == Type.DATE && value instanceof String date) {
                return FieldType.date(date).map(FrenchFormat::date).orElse(date);
            }
            return Values.french(value);
        } catch (RuntimeException e) {
            return "(illisible)";
        }
    }

    private static AggregateValue value(Aggregate aggregate, Frame frame) {
        AggregateInfo info = aggregate.info();
        BigDecimal value = null;
        String error = aggregate.broken() == null ? "" : aggregate.broken();
        if (aggregate.formula() != null) {
            try {
                value = aggregate.formula().exact(frame);
            } catch (RuntimeException e) {
                error = reason(e);
            }
        }
        return new AggregateValue(info.code(), info.label(), info.group(), info.unit(), value, error, info.ruleVersion());
    }

    @Override
    public Optional<ControlExplanation> explain(String controlCode, ControlData data) {
        Integer index = byCode.get(controlCode);
        if (index == null) {
            return Optional.empty();
        }
        Frame frame = prepare(data);
        Control control = controls[index];
        ControlOutcome outcome = outcome(index, frame);
        ExplainedExpression expression = control.rule() == null
            ? new ExplainedExpression(control.info().expression(), "erreur : " + control.broken(), List.of())
            : explain(control.rule(), frame, Collections.newSetFromMap(new IdentityHashMap<>()));
        return Optional.of(new ControlExplanation(outcome, expression));
    }

    /** Explains a node and its parts; an aggregate's formula is written out where it first appears only. */
    private static ExplainedExpression explain(Node node, Frame frame, Set<Node> explained) {
        boolean again = node instanceof Nodes.Memoised && !explained.add(node);
        List<ExplainedExpression> parts = new ArrayList<>(again ? 0 : node.parts.length);
        for (Node part : again ? new Node[0] : node.parts) {
            parts.add(explain(part, frame, explained));
        }
        String value;
        try {
            Object result = node.value(frame);
            value = node instanceof Cond ? result == null ? "non applicable" : (Boolean) result ? "vrai" : "faux"
                : Values.french(result);
        } catch (RuntimeException e) {
            value = "erreur : " + reason(e);
        }
        return new ExplainedExpression(node.source, value, parts);
    }
}
