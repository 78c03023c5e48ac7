package org.liasse.extender.formula;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.liasse.api.definition.Formula;
import org.liasse.extender.formula.Lexer.Kind;
import org.liasse.extender.formula.Lexer.Token;

/**
 * Compiles computed-cell formulas into closures once, when a plugin loads. Grammar (documented in
 * {@code docs/plugins.md}):
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := '-' unary | primary
 * primary := NUMBER | cell | '(' expr ')' | FUNCTION '(' args ')'
 * cell    := FICHE.ROW.COLUMN | '@'COLUMN (same row, in a column formula)
 * args    := arg (',' arg)*,  arg := expr | cell ':' cell | FICHE.TABLE_*.COLUMN   (ranges in sum/min/max only)
 * </pre>
 */
public final class FormulaCompiler {

    private static final MathContext DIVISION = MathContext.DECIMAL64;

    /** Thrown while evaluating to make the whole result empty. */
    private static final class DivisionByZero extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DivisionByZero() {
            super(null, null, false, false);
        }
    }

    private static final DivisionByZero DIVISION_BY_ZERO = new DivisionByZero();

    /** A compiled node: evaluation (an empty cell reads as 0), its tree form and the height of that tree. */
    private record Node(Function<Function<String, BigDecimal>, BigDecimal> eval, List<Object> tree, int height) {

        /** A leaf. */
        Node(Function<Function<String, BigDecimal>, BigDecimal> eval, List<Object> tree) {
            this(eval, tree, 1);
        }
    }

    private final CellSpace space;
    private final String row;
    private final TokenStream tokens;
    private final Set<String> references = new LinkedHashSet<>();

    private FormulaCompiler(String source, CellSpace space, String row) throws FormulaException {
        this.space = space;
        this.row = row;
        this.tokens = new TokenStream(source, "formule");
    }

    /**
     * Compiles a formula.
     *
     * @param source the expression
     * @param space  the cells it may read
     * @param row    {@code FICHE.ROW} that {@code @COLUMN} refers to, or {@code null} where {@code @} is not allowed
     * @throws FormulaException with the offset of the first problem
     */
    public static Formula compile(String source, CellSpace space, String row) throws FormulaException {
        FormulaCompiler compiler = new FormulaCompiler(source, space, row);
        Node node = compiler.expression();
        compiler.tokens.expectEnd();
        return new Compiled(source, List.copyOf(compiler.references), node);
    }

    private record Compiled(String source, List<String> references, Node node) implements Formula {

        @Override
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            boolean any = false;
            for (String reference : references) {
                if (values.apply(reference) != null) {
                    any = true;
                    break;
                }
            }
            if (!any && !references.isEmpty()) {
                return null;
            }
            try {
                return node.eval().apply(cell -> {
                    BigDecimal value = values.apply(cell);
                    return value == null ? BigDecimal.ZERO : value;
                });
            } catch (DivisionByZero e) {
                return null;
            }
        }

        @Override
        public List<Object> tree() {
            return node.tree();
        }
    }

    private Node expression() throws FormulaException {
        Node left = term();
        while (symbol("+") || symbol("-")) {
            Token operator = next();
            left = binary(operator, left, term(), operator.text().equals("+") ? BigDecimal::add : BigDecimal::subtract);
        }
        return left;
    }

    private Node term() throws FormulaException {
        Node left = unary();
        while (symbol("*") || symbol("/")) {
            Token operator = next();
            left = binary(operator, left, unary(), operator.text().equals("*") ? BigDecimal::multiply : FormulaCompiler::divide);
        }
        return left;
    }

    private static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw DIVISION_BY_ZERO;
        }
        return dividend.divide(divisor, DIVISION);
    }

    private Node binary(Token operator, Node left, Node right, BinaryOperator<BigDecimal> operation)
            throws FormulaException {
        var l = left.eval();
        var r = right.eval();
        return node(operator, values -> operation.apply(l.apply(values), r.apply(values)),
            List.of(operator.text(), left.tree(), right.tree()), left, right);
    }

    /** An inner node over its operands, refused when the tree gets too tall. */
    private Node node(Token at, Function<Function<String, BigDecimal>, BigDecimal> eval, List<Object> tree,
                      Node... operands) throws FormulaException {
        int height = 1;
        for (Node operand : operands) {
            height = Math.max(height, operand.height() + 1);
        }
        tokens.checkHeight(height, at.offset());
        return new Node(eval, tree, height);
    }

    private Node unary() throws FormulaException {
        if (symbol("-")) {
            Token minus = next();
            Node operand = tokens.nested(this::unary);
            var eval = operand.eval();
            return node(minus, values -> eval.apply(values).negate(), List.of("neg", operand.tree()), operand);
        }
        return primary();
    }

    private Node primary() throws FormulaException {
        Token token = next();
        if (token.kind() == Kind.NUMBER) {
            try {
                BigDecimal number = new BigDecimal(token.text());
                return new Node(values -> number, List.of("num", number.toPlainString()));
            } catch (NumberFormatException e) {
                throw new FormulaException(token.offset(), "nombre invalide « " + token.text() + " »");
            }
        }
        if (token.kind() == Kind.SYMBOL && token.text().equals("(")) {
            Node inner = tokens.nested(this::expression);
            expect(")");
            return inner;
        }
        if (token.kind() == Kind.WORD && symbol("(")) {
            return tokens.nested(() -> function(token));
        }
        if (token.kind() == Kind.WORD) {
            return cell(token);
        }
        tokens.back();
        throw unexpected();
    }

    private Node cell(Token token) throws FormulaException {
        String cell = resolve(token);
        references.add(cell);
        return new Node(values -> values.apply(cell), List.of("ref", cell));
    }

    private String resolve(Token token) throws FormulaException {
        String text = token.text();
        String cell;
        if (text.startsWith("@")) {
            if (row == null) {
                throw new FormulaException(token.offset(), "« @colonne » n'est permis que dans la formule d'une colonne");
            }
            cell = row + "." + text.substring(1);
        } else if (TokenStream.CELL.matcher(text).matches()) {
            cell = text;
        } else {
            throw new FormulaException(token.offset(), "« " + text + " » n'est ni une cellule FICHE.LIGNE.COLONNE "
                + "ni une fonction connue");
        }
        String refused = space.refuse(cell).orElse(null);
        if (refused != null) {
            throw new FormulaException(token.offset(), refused);
        }
        return cell;
    }

    private Node function(Token name) throws FormulaException {
        next();
        return switch (name.text()) {
            case "sum" -> aggregate(name, "sum", BigDecimal::add);
            case "min" -> aggregate(name, "min", BigDecimal::min);
            case "max" -> aggregate(name, "max", BigDecimal::max);
            case "abs" -> abs(name);
            case "round" -> round(name);
            default -> throw new FormulaException(name.offset(), "fonction inconnue « " + name.text()
                + " » (connues : sum, min, max, abs, round)");
        };
    }

    private Node aggregate(Token name, String function, BinaryOperator<BigDecimal> combine) throws FormulaException {
        List<Node> arguments = new ArrayList<>();
        do {
            arguments.addAll(argument());
        } while (symbolThenNext(","));
        expect(")");
        if (arguments.isEmpty()) {
            throw new FormulaException(name.offset(), function + " demande au moins une valeur");
        }
        List<Function<Function<String, BigDecimal>, BigDecimal>> evals = arguments.stream().map(Node::eval).toList();
        List<Object> tree = new ArrayList<>();
        tree.add(function);
        arguments.forEach(argument -> tree.add(argument.tree()));
        return node(name, values -> {
            BigDecimal result = evals.get(0).apply(values);
            for (int i = 1; i < evals.size(); i++) {
                result = combine.apply(result, evals.get(i).apply(values));
            }
            return result;
        }, List.copyOf(tree), arguments.toArray(new Node[0]));
    }

    private List<Node> argument() throws FormulaException {
        Token token = peek();
        if (token.kind() == Kind.WORD && TokenStream.EVERY_ROW.matcher(token.text()).matches()) {
            next();
            String[] parts = token.text().split("\\.");
            String table = parts[1].substring(0, parts[1].length() - 2);
            List<String> cells = space.everyRow(parts[0], table, parts[2]).orElseThrow(() -> new FormulaException(
                token.offset(), "« " + token.text() + " » : aucune table répétée « " + table + " » avec une colonne "
                    + "numérique « " + parts[2] + " » dans la fiche " + parts[0]));
            return cellNodes(cells);
        }
        if (token.kind() == Kind.WORD && tokens.peekSecond().text().equals(":")) {
            String from = resolve(next());
            next();
            Token end = next();
            String to = resolve(end);
            List<String> cells = space.range(from, to).orElseThrow(() -> new FormulaException(end.offset(),
                "la plage " + from + ":" + to + " doit relier deux cellules d'une même table, de haut en bas et de "
                    + "gauche à droite"));
            return cellNodes(cells);
        }
        return List.of(expression());
    }

    private List<Node> cellNodes(List<String> cells) throws FormulaException {
        List<Node> nodes = new ArrayList<>();
        for (String cell : cells) {
            String refused = space.refuse(cell).orElse(null);
            if (refused == null) {
                references.add(cell);
                nodes.add(new Node(values -> values.apply(cell), List.of("ref", cell)));
            }
        }
        return nodes;
    }

    private Node abs(Token name) throws FormulaException {
        Node operand = expression();
        expect(")");
        var eval = operand.eval();
        return node(name, values -> eval.apply(values).abs(), List.of("abs", operand.tree()), operand);
    }

    private Node round(Token name) throws FormulaException {
        Node operand = expression();
        expect(",");
        Token digits = next();
        if (digits.kind() != Kind.NUMBER || !digits.text().matches("\\d{1,2}")) {
            throw new FormulaException(digits.offset(), "round demande un nombre entier de décimales (0 à 99)");
        }
        expect(")");
        int scale = Integer.parseInt(digits.text());
        var eval = operand.eval();
        return node(name, values -> eval.apply(values).setScale(scale, RoundingMode.HALF_UP),
            List.of("round", operand.tree(), scale), operand);
    }

    private boolean symbol(String text) {
        return tokens.symbol(text);
    }

    private boolean symbolThenNext(String text) {
        return tokens.symbol(text) && tokens.accept(text);
    }

    private void expect(String text) throws FormulaException {
        tokens.expect(text);
    }

    private FormulaException unexpected() {
        return tokens.unexpected();
    }

    private Token peek() {
        return tokens.peek();
    }

    private Token next() {
        return tokens.next();
    }
}
