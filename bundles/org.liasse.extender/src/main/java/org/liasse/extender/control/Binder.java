package org.liasse.extender.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.FieldType;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.extender.control.Layout.Source;
import org.liasse.extender.control.Nodes.Cond;
import org.liasse.extender.control.Nodes.Node;
import org.liasse.extender.control.Nodes.Num;
import org.liasse.extender.control.Nodes.Relation;
import org.liasse.extender.control.Nodes.Txt;
import org.liasse.extender.formula.CellRanges;
import org.liasse.extender.formula.FormulaException;
import org.liasse.extender.formula.TokenStream;

/**
 * Resolves the names of parsed rules against one questionnaire version, checks their types and compiles them into
 * {@link Nodes} over the slots of a {@link Layout}. One binder serves the rules of one plugin (its aggregates) in
 * one plan. Errors are {@link FormulaException}s at an offset of the source being bound.
 */
final class Binder {

    /** A parsed aggregate of the plugin. */
    record AggregateSource(String code, String questionnaire, String expression, Ast ast) {
    }

    /** Where a rule is bound: the source text, and whether inside {@code prev(…)}. */
    private record Context(String source, boolean previous) {

        String text(Ast ast) {
            return source.substring(ast.start(), ast.end());
        }
    }

    private static final String FUNCTIONS = "abs, round, min, max, sum, count, empty, filled, coalesce, prev, aggregate";

    private final QuestionnaireDefinition own;
    private final Map<String, CellDefinition> ownCells;
    private final Function<String, Optional<QuestionnaireDefinition>> others;
    private final Map<String, Map<String, CellDefinition>> otherCells = new HashMap<>();
    private final Map<String, AggregateSource> aggregates;
    private final Layout layout;
    private final Map<String, Nodes.Memoised> boundAggregates = new HashMap<>();
    private final Deque<String> aggregatePath = new ArrayDeque<>();
    private final Set<String> highlight = new LinkedHashSet<>();
    private final Map<String, Node> involved = new LinkedHashMap<>();
    private int depth;

    Binder(QuestionnaireDefinition own, Function<String, Optional<QuestionnaireDefinition>> others,
           Map<String, AggregateSource> aggregates, Layout layout) {
        this.own = own;
        this.ownCells = own.cells();
        this.others = others;
        this.aggregates = aggregates;
        this.layout = layout;
    }

    /** Compiles a rule, which must be a condition. */
    Cond rule(String source, Ast ast) throws FormulaException {
        highlight.clear();
        involved.clear();
        Node node = bind(ast, new Context(source, false));
        if (!(node instanceof Cond condition)) {
            throw new FormulaException(ast.start(), "un contrôle doit être une condition (comparaison, and, or, not, "
                + "empty, filled…) : « " + source.substring(ast.start(), ast.end()) + " » est " + node.type().french());
        }
        return condition;
    }

    /** Compiles any expression (a message placeholder); its cells are not added to the involved values. */
    Node expression(String source, Ast ast) throws FormulaException {
        Set<String> keptHighlight = new LinkedHashSet<>(highlight);
        Map<String, Node> keptInvolved = new LinkedHashMap<>(involved);
        try {
            return bind(ast, new Context(source, false));
        } finally {
            highlight.clear();
            highlight.addAll(keptHighlight);
            involved.clear();
            involved.putAll(keptInvolved);
        }
    }

    /** Compiles an aggregate of the plugin. */
    Num aggregate(String code) throws FormulaException {
        return aggregateFormula(code, false);
    }

    /** Cells of the checked dossier that the last rule reads (ranges expanded, aggregates excluded). */
    List<String> highlight() {
        return List.copyOf(highlight);
    }

    /** Cells, {@code prev(…)} values and aggregates that the last rule reads directly, by their text, in order. */
    Map<String, Node> involved() {
        return new LinkedHashMap<>(involved);
    }

    /**
     * Binds a node; refuses an expression whose tree, aggregates' formulas included, is taller than
     * {@link TokenStream#MAX_HEIGHT}, before the recursion gets that deep.
     */
    private Node bind(Ast ast, Context context) throws FormulaException {
        if (depth == TokenStream.MAX_HEIGHT) {
            throw tooDeep(ast);
        }
        depth++;
        try {
            Node node = bindNode(ast, context);
            if (node.height > TokenStream.MAX_HEIGHT) {
                throw tooDeep(ast);
            }
            return node;
        } finally {
            depth--;
        }
    }

    private static FormulaException tooDeep(Ast ast) {
        return new FormulaException(ast.start(), "expression trop profonde, agrégats développés : plus de "
            + TokenStream.MAX_HEIGHT + " opérations enchaînées");
    }

    private Node bindNode(Ast ast, Context context) throws FormulaException {
        if (ast instanceof Ast.Number number) {
            return new Nodes.NumberConstant(context.text(ast), number.value());
        } else if (ast instanceof Ast.Text text) {
            return new Nodes.TextConstant(Type.TEXT, context.text(ast), text.value());
        } else if (ast instanceof Ast.Truth truth) {
            return new Nodes.Truth(context.text(ast), truth.value());
        } else if (ast instanceof Ast.Cell cell) {
            return cell(cell, context);
        } else if (ast instanceof Ast.Range || ast instanceof Ast.EveryRow) {
            throw rangeOutsideFunction(ast, context);
        } else if (ast instanceof Ast.Negate negate) {
            return new Nodes.Negate(context.text(ast), number(negate.operand(), context, "« - »"));
        } else if (ast instanceof Ast.Arithmetic arithmetic) {
            String operator = "« " + arithmetic.operator() + " »";
            return Nodes.arithmetic(arithmetic.operator(), context.text(ast), number(arithmetic.left(), context, operator),
                number(arithmetic.right(), context, operator));
        } else if (ast instanceof Ast.Comparison comparison) {
            return comparison(comparison, context);
        } else if (ast instanceof Ast.Logic logic) {
            String operator = logic.conjunction() ? "« and »" : "« or »";
            return new Nodes.Logic(context.text(ast), logic.conjunction(), condition(logic.left(), context, operator),
                condition(logic.right(), context, operator));
        } else if (ast instanceof Ast.Not not) {
            return new Nodes.Not(context.text(ast), condition(not.operand(), context, "« not »"));
        } else if (ast instanceof Ast.If conditional) {
            return conditional(conditional, context);
        } else if (ast instanceof Ast.Call call) {
            return call(call, context);
        }
        return aggregateReference((Ast.Aggregate) ast, context);
    }

    // ------------------------------------------------------------------ cells

    private record Resolved(String questionnaire, Source source, Map<String, CellDefinition> cells) {
    }

    private Resolved resolve(String questionnaire, int offset, Context context) throws FormulaException {
        if (questionnaire == null || questionnaire.equals(own.code())) {
            return new Resolved(own.code(), context.previous() ? Source.PREVIOUS : Source.CURRENT, ownCells);
        }
        if (context.previous()) {
            throw new FormulaException(offset, "prev(…) ne lit que les cellules du questionnaire contrôlé, pas celles de "
                + questionnaire);
        }
        Map<String, CellDefinition> cells = otherCells.get(questionnaire);
        if (cells == null) {
            Optional<QuestionnaireDefinition> other = others.apply(questionnaire);
            if (other == null || other.isEmpty()) {
                throw new FormulaException(offset, "questionnaire inconnu « " + questionnaire + " »");
            }
            cells = other.get().cells();
            otherCells.put(questionnaire, cells);
        }
        return new Resolved(questionnaire, Source.OTHER, cells);
    }

    private CellDefinition definition(Resolved resolved, String cell, int offset) throws FormulaException {
        CellDefinition definition = resolved.cells().get(cell);
        if (definition == null) {
            throw new FormulaException(offset, "cellule inconnue « " + cell + " » dans le questionnaire "
                + resolved.questionnaire());
        }
        return definition;
    }

    private Node cell(Ast.Cell cell, Context context) throws FormulaException {
        Resolved resolved = resolve(cell.questionnaire(), cell.start(), context);
        String text = context.previous() ? "prev(" + context.text(cell) + ")" : context.text(cell);
        Node node = cellNode(resolved, cell.cell(), cell.start(), text);
        if (aggregatePath.isEmpty()) {
            involved.putIfAbsent(text, node);
        }
        return node;
    }

    private Node cellNode(Resolved resolved, String cell, int offset, String text) throws FormulaException {
        CellDefinition definition = definition(resolved, cell, offset);
        Type type = Type.of(definition.column().type());
        int slot = layout.slot(resolved.source(), resolved.questionnaire(), cell, type);
        if (resolved.source() != Source.OTHER && aggregatePath.isEmpty()) {
            highlight.add(cell);
        }
        if (type == Type.NUMBER) {
            return new Nodes.NumberCell(text, slot);
        }
        if (type == Type.BOOLEAN) {
            return new Nodes.BooleanCell(text, slot);
        }
        return new CodedText(type, text, slot, definition.column().codes());
    }

    /** A text cell that remembers its allowed codes, to check the literals it is compared with. */
    static final class CodedText extends Txt {
        private final Nodes.TextCell cell;
        final List<String> codes;

        CodedText(Type type, String source, int slot, List<String> codes) {
            super(type, source);
            this.cell = new Nodes.TextCell(type, source, slot);
            this.codes = codes;
        }

        @Override
        String string(Frame frame) {
            return cell.string(frame);
        }
    }

    /** The cells of a range or repeating column, in order. */
    private List<Node> cells(Ast ast, Context context) throws FormulaException {
        String questionnaire = ast instanceof Ast.Range range ? range.questionnaire() : ((Ast.EveryRow) ast).questionnaire();
        Resolved resolved = resolve(questionnaire, ast.start(), context);
        List<String> codes;
        if (ast instanceof Ast.Range range) {
            definition(resolved, range.from(), ast.start());
            definition(resolved, range.to(), ast.start());
            codes = CellRanges.range(resolved.cells(), range.from(), range.to()).orElseThrow(() -> new FormulaException(
                ast.start(), "la plage " + context.text(ast) + " doit relier deux cellules d'une même table, de haut en "
                    + "bas et de gauche à droite"));
        } else {
            Ast.EveryRow every = (Ast.EveryRow) ast;
            codes = CellRanges.everyRow(resolved.cells(), every.fiche(), every.table(), every.column())
                .orElseThrow(() -> new FormulaException(ast.start(), "« " + context.text(ast) + " » : aucune table "
                    + "répétée « " + every.table() + " » avec une colonne « " + every.column() + " » dans la fiche "
                    + every.fiche() + " du questionnaire " + resolved.questionnaire()));
        }
        List<Node> nodes = new ArrayList<>();
        for (String code : codes) {
            String text = (resolved.source() == Source.OTHER ? resolved.questionnaire() + ":" : "") + code;
            nodes.add(cellNode(resolved, code, ast.start(), context.previous() ? "prev(" + text + ")" : text));
        }
        return nodes;
    }

    private static FormulaException rangeOutsideFunction(Ast ast, Context context) {
        return new FormulaException(ast.start(), "« " + context.text(ast) + " » : une plage n'est permise qu'en "
            + "argument de sum, min, max ou count");
    }

    // ------------------------------------------------------------------ types

    private Num number(Ast ast, Context context, String what) throws FormulaException {
        return typed(ast, context, what, Num.class, Type.NUMBER);
    }

    private Cond condition(Ast ast, Context context, String what) throws FormulaException {
        return typed(ast, context, what, Cond.class, Type.BOOLEAN);
    }

    /** Binds an operand that must be of one type. */
    private <T extends Node> T typed(Ast ast, Context context, String what, Class<T> kind, Type type)
        throws FormulaException {
        Node node = bind(ast, context);
        if (kind.isInstance(node)) {
            return kind.cast(node);
        }
        throw new FormulaException(ast.start(), what + " attend " + type.french() + " : « " + context.text(ast)
            + " » est " + node.type().french());
    }

    private Node comparison(Ast.Comparison comparison, Context context) throws FormulaException {
        Node left = bind(comparison.left(), context);
        Node right = bind(comparison.right(), context);
        Relation relation = Relation.of(comparison.operator());
        String text = context.text(comparison);
        if (left instanceof Num l && right instanceof Num r) {
            return Shapes.optimise(new Nodes.NumberComparison(text, relation, l, r, comparison.tolerance()));
        }
        if (left instanceof Txt && right instanceof Txt && left.type() != right.type()) {
            left = literalAs(left, right.type(), comparison.left());
            right = literalAs(right, left.type(), comparison.right());
        }
        if (left.type() != right.type()) {
            throw new FormulaException(comparison.start(), "comparaison impossible : « " + context.text(comparison.left())
                + " » est " + left.type().french() + " et « " + context.text(comparison.right()) + " » est "
                + right.type().french());
        }
        if (comparison.tolerance() != null) {
            throw new FormulaException(comparison.start(), "« tolerance » ne s'applique qu'à une comparaison de nombres");
        }
        if (left.type() != Type.DATE && relation != Relation.EQ && relation != Relation.NE) {
            throw new FormulaException(comparison.start(), "comparaison « " + comparison.operator() + " » impossible : "
                + "« " + context.text(comparison.left()) + " » est " + left.type().french() + ", qui ne se compare "
                + "qu'avec = ou <>");
        }
        checkCode(left, comparison.right());
        checkCode(right, comparison.left());
        return new Nodes.ValueComparison(text, relation, left, right);
    }

    /** A string literal compared with a date must be a date {@code AAAA-MM-JJ}. */
    private static Node literalAs(Node node, Type type, Ast ast) throws FormulaException {
        if (type != Type.DATE || !(node instanceof Nodes.TextConstant) || !(ast instanceof Ast.Text text)) {
            return node;
        }
        LocalDate date = FieldType.date(text.value()).orElseThrow(() -> new FormulaException(ast.start(),
            "« " + text.value() + " » n'est pas une date AAAA-MM-JJ (année à quatre chiffres)"));
        return new Nodes.TextConstant(Type.DATE, node.source, date.toString());
    }

    /** A string literal compared with a code cell must be one of its codes. */
    private static void checkCode(Node cell, Ast otherAst) throws FormulaException {
        if (cell instanceof CodedText coded && !coded.codes.isEmpty() && otherAst instanceof Ast.Text literal
            && !coded.codes.contains(literal.value())) {
            throw new FormulaException(otherAst.start(), "« " + literal.value() + " » n'est pas un code possible de la "
                + "cellule " + cell.source + " (codes : " + String.join(", ", coded.codes) + ")");
        }
    }

    private Node conditional(Ast.If conditional, Context context) throws FormulaException {
        Cond condition = condition(conditional.condition(), context, "« if »");
        Node then = bind(conditional.then(), context);
        Node otherwise = conditional.otherwise() == null ? null : bind(conditional.otherwise(), context);
        if (otherwise != null && otherwise.type() != then.type()) {
            throw new FormulaException(conditional.otherwise().start(), "les deux branches de « if » doivent être du même "
                + "type : « " + context.text(conditional.then()) + " » est " + then.type().french() + ", « "
                + context.text(conditional.otherwise()) + " » est " + otherwise.type().french());
        }
        String text = context.text(conditional);
        if (then instanceof Num number) {
            return new Nodes.IfNumber(text, condition, number, (Num) otherwise);
        }
        if (then instanceof Cond test) {
            return new Nodes.IfCondition(text, condition, test, (Cond) otherwise);
        }
        return new Nodes.IfText(text, condition, (Txt) then, (Txt) otherwise);
    }

    // ------------------------------------------------------------------ functions

    private Node call(Ast.Call call, Context context) throws FormulaException {
        String text = context.text(call);
        return switch (call.name()) {
            case "abs" -> new Nodes.Abs(text, number(single(call), context, "abs"));
            case "round" -> round(call, context);
            case "sum" -> new Nodes.Fold(text, Nodes.Fold.Kind.SUM, numbers(call, context));
            case "min" -> new Nodes.Fold(text, Nodes.Fold.Kind.MIN, numbers(call, context));
            case "max" -> new Nodes.Fold(text, Nodes.Fold.Kind.MAX, numbers(call, context));
            case "count" -> new Nodes.Count(text, expanded(call, context));
            case "empty", "filled" -> new Nodes.Emptiness(text, bind(single(call), context), call.name().equals("filled"));
            case "coalesce" -> coalesce(call, context);
            case "prev" -> previous(call, context);
            default -> throw new FormulaException(call.start(), "fonction inconnue « " + call.name() + " » (connues : "
                + FUNCTIONS + ")");
        };
    }

    private static Ast single(Ast.Call call) throws FormulaException {
        if (call.arguments().size() != 1) {
            throw new FormulaException(call.start(), call.name() + " attend exactement un argument");
        }
        return call.arguments().get(0);
    }

    private Node round(Ast.Call call, Context context) throws FormulaException {
        if (call.arguments().size() != 2 || !(call.arguments().get(1) instanceof Ast.Number digits)
            || digits.value().scale() > 0 || digits.value().signum() < 0 || digits.value().compareTo(BigDecimal.TEN) > 0) {
            throw new FormulaException(call.start(), "round attend une valeur et un nombre entier de décimales de 0 à 10, "
                + "par exemple round(x, 2)");
        }
        return new Nodes.Round(context.text(call), number(call.arguments().get(0), context, "round"),
            digits.value().intValue());
    }

    /** The arguments with ranges expanded into their cells. */
    private List<Node> expanded(Ast.Call call, Context context) throws FormulaException {
        if (call.arguments().isEmpty()) {
            throw new FormulaException(call.start(), call.name() + " attend au moins un argument");
        }
        List<Node> nodes = new ArrayList<>();
        for (Ast argument : call.arguments()) {
            if (argument instanceof Ast.Range || argument instanceof Ast.EveryRow) {
                nodes.addAll(cells(argument, context));
            } else {
                nodes.add(bind(argument, context));
            }
        }
        return nodes;
    }

    private List<Num> numbers(Ast.Call call, Context context) throws FormulaException {
        List<Num> numbers = new ArrayList<>();
        for (Node node : expanded(call, context)) {
            if (!(node instanceof Num number)) {
                throw new FormulaException(call.start(), call.name() + " attend des nombres : « " + node.source + " » est "
                    + node.type().french());
            }
            numbers.add(number);
        }
        return numbers;
    }

    private Node coalesce(Ast.Call call, Context context) throws FormulaException {
        if (call.arguments().size() != 2) {
            throw new FormulaException(call.start(), "coalesce attend deux arguments : coalesce(valeur, valeur si vide)");
        }
        Node first = bind(call.arguments().get(0), context);
        Node second = bind(call.arguments().get(1), context);
        if (first instanceof Num a && second instanceof Num b) {
            return new Nodes.CoalesceNumber(context.text(call), a, b);
        }
        if (first instanceof Txt a && second instanceof Txt b && a.type() == b.type()) {
            return new Nodes.CoalesceText(context.text(call), a, b);
        }
        throw new FormulaException(call.start(), "coalesce attend deux nombres ou deux textes du même type : « "
            + first.source + " » est " + first.type().french() + ", « " + second.source + " » est " + second.type().french());
    }

    private Node previous(Ast.Call call, Context context) throws FormulaException {
        if (context.previous()) {
            throw new FormulaException(call.start(), "prev(…) ne peut pas être imbriqué : seule l'année N-1 est lue");
        }
        Node node = bind(single(call), new Context(context.source(), true));
        node.source = context.text(call);
        return node;
    }

    // ------------------------------------------------------------------ aggregates

    private Node aggregateReference(Ast.Aggregate reference, Context context) throws FormulaException {
        AggregateSource aggregate = aggregates.get(reference.code());
        if (aggregate == null) {
            throw new FormulaException(reference.codeOffset(), "agrégat inconnu « " + reference.code() + " »"
                + (aggregates.isEmpty() ? "" : " (déclarés : " + String.join(", ", aggregates.keySet()) + ")"));
        }
        if (!aggregate.questionnaire().equals(own.code())) {
            throw new FormulaException(reference.codeOffset(), "l'agrégat « " + reference.code() + " » porte sur le "
                + "questionnaire " + aggregate.questionnaire() + ", pas sur " + own.code());
        }
        if (aggregatePath.contains(reference.code())) {
            List<String> cycle = new ArrayList<>();
            aggregatePath.descendingIterator().forEachRemaining(cycle::add);
            cycle = new ArrayList<>(cycle.subList(cycle.indexOf(reference.code()), cycle.size()));
            cycle.add(reference.code());
            throw new FormulaException(reference.codeOffset(), CYCLE + String.join(" → ", cycle));
        }
        Nodes.Memoised formula;
        try {
            formula = aggregateFormula(reference.code(), context.previous());
        } catch (FormulaException e) {
            boolean told = e.getMessage().startsWith(CYCLE) || e.getMessage().startsWith(INVALID);
            throw new FormulaException(reference.codeOffset(), told ? e.getMessage()
                : INVALID + reference.code() + " » invalide : " + e.getMessage());
        }
        Num node = new Nodes.AggregateNumber(context.text(reference), formula);
        if (aggregatePath.isEmpty()) {
            involved.putIfAbsent(context.text(reference), node);
        }
        return node;
    }

    private static final String CYCLE = "agrégats circulaires : ";
    private static final String INVALID = "agrégat « ";

    private Nodes.Memoised aggregateFormula(String code, boolean previous) throws FormulaException {
        String key = code + (previous ? "@N-1" : "");
        Nodes.Memoised bound = boundAggregates.get(key);
        if (bound != null) {
            return bound;
        }
        AggregateSource aggregate = aggregates.get(code);
        aggregatePath.push(code);
        try {
            Node node = bind(aggregate.ast(), new Context(aggregate.expression(), previous));
            if (!(node instanceof Num number)) {
                throw new FormulaException(aggregate.ast().start(), "un agrégat doit être un nombre : « "
                    + aggregate.expression() + " » est " + node.type().french());
            }
            Nodes.Memoised memoised = new Nodes.Memoised(number, layout.memo());
            boundAggregates.put(key, memoised);
            return memoised;
        } finally {
            aggregatePath.pop();
        }
    }
}
