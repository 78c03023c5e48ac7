package org.liasse.extender.control;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.liasse.extender.formula.FormulaException;
import org.liasse.extender.formula.Lexer.Kind;
import org.liasse.extender.formula.Lexer.Token;
import org.liasse.extender.formula.TokenStream;

/**
 * Parses the control language (grammar in {@code docs/controls.md}) into an {@link Ast}, without resolving names.
 * <pre>
 * rule       := or
 * or         := and ('or' and)*
 * and        := not ('and' not)*
 * not        := 'not' not | comparison
 * comparison := sum [('=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') sum ['tolerance' NUMBER]]
 * sum        := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := '-' unary | primary
 * primary    := NUMBER | STRING | 'true' | 'false' | cell | '(' rule ')'
 *             | 'if' rule 'then' rule ['else' rule] | 'aggregate' '(' CODE ')' | FUNCTION '(' args ')'
 * cell       := [QUESTIONNAIRE ':'] FICHE.ROW.COLUMN
 * args       := arg (',' arg)*;  arg := rule | cell ':' cell | [QUESTIONNAIRE ':'] FICHE.TABLE_*.COLUMN
 * </pre>
 */
public final class Parser {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "if", "then", "else", "tolerance",
        "true", "false");

    private final TokenStream tokens;

    private Parser(String source) throws FormulaException {
        this.tokens = new TokenStream(source, "expression");
    }

    /** Parses a whole rule or expression. */
    public static Ast parse(String source) throws FormulaException {
        Parser parser = new Parser(source);
        Ast ast = parser.or();
        parser.tokens.expectEnd();
        parser.checkHeight(ast);
        return ast;
    }

    private record Level(Ast ast, int height) {
    }

    /**
     * Refuses a tree taller than {@link TokenStream#MAX_HEIGHT}, which a long chain of operators builds without deep
     * nesting ({@code 1 + 1 + … + 1}); walks the tree with a stack of its own, so that the check cannot overflow.
     */
    private void checkHeight(Ast root) throws FormulaException {
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(root, 1));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            tokens.checkHeight(level.height(), level.ast().start());
            for (Ast child : children(level.ast())) {
                pending.push(new Level(child, level.height() + 1));
            }
        }
    }

    private static List<Ast> children(Ast ast) {
        if (ast instanceof Ast.Negate negate) {
            return List.of(negate.operand());
        } else if (ast instanceof Ast.Not not) {
            return List.of(not.operand());
        } else if (ast instanceof Ast.Arithmetic arithmetic) {
            return List.of(arithmetic.left(), arithmetic.right());
        } else if (ast instanceof Ast.Comparison comparison) {
            return List.of(comparison.left(), comparison.right());
        } else if (ast instanceof Ast.Logic logic) {
            return List.of(logic.left(), logic.right());
        } else if (ast instanceof Ast.If conditional) {
            return conditional.otherwise() == null ? List.of(conditional.condition(), conditional.then())
                : List.of(conditional.condition(), conditional.then(), conditional.otherwise());
        } else if (ast instanceof Ast.Call call) {
            return call.arguments();
        }
        return List.of();
    }

    private Ast or() throws FormulaException {
        Ast left = and();
        while (tokens.accept("or")) {
            Ast right = and();
            left = new Ast.Logic(false, left, right, left.start(), right.end());
        }
        return left;
    }

    private Ast and() throws FormulaException {
        Ast left = not();
        while (tokens.accept("and")) {
            Ast right = not();
            left = new Ast.Logic(true, left, right, left.start(), right.end());
        }
        return left;
    }

    private Ast not() throws FormulaException {
        if (tokens.word("not")) {
            int start = tokens.next().offset();
            Ast operand = tokens.nested(this::not);
            return new Ast.Not(operand, start, operand.end());
        }
        return comparison();
    }

    private Ast comparison() throws FormulaException {
        Ast left = sum();
        Token operator = tokens.peek();
        if (operator.kind() != Kind.SYMBOL || !COMPARISONS.contains(operator.text())) {
            return left;
        }
        tokens.next();
        Ast right = sum();
        int end = right.end();
        BigDecimal tolerance = null;
        if (tokens.accept("tolerance")) {
            Token amount = tokens.next();
            tolerance = number(amount);
            if (tolerance == null) {
                throw new FormulaException(amount.offset(), "« tolerance » doit être suivi d'un nombre positif ou nul");
            }
            end = amount.end();
        }
        return new Ast.Comparison(operator.text(), left, right, tolerance, left.start(), end);
    }

    private Ast sum() throws FormulaException {
        Ast left = term();
        while (tokens.symbol("+") || tokens.symbol("-")) {
            char operator = tokens.next().text().charAt(0);
            Ast right = term();
            left = new Ast.Arithmetic(operator, left, right, left.start(), right.end());
        }
        return left;
    }

    private Ast term() throws FormulaException {
        Ast left = unary();
        while (tokens.symbol("*") || tokens.symbol("/")) {
            char operator = tokens.next().text().charAt(0);
            Ast right = unary();
            left = new Ast.Arithmetic(operator, left, right, left.start(), right.end());
        }
        return left;
    }

    private Ast unary() throws FormulaException {
        if (tokens.symbol("-")) {
            int start = tokens.next().offset();
            Ast operand = tokens.nested(this::unary);
            return new Ast.Negate(operand, start, operand.end());
        }
        return primary();
    }

    private Ast primary() throws FormulaException {
        Token token = tokens.next();
        switch (token.kind()) {
            case NUMBER -> {
                BigDecimal number = number(token);
                if (number == null) {
                    throw new FormulaException(token.offset(), "nombre invalide « " + token.text() + " »");
                }
                return new Ast.Number(number, token.offset(), token.end());
            }
            case STRING -> {
                return new Ast.Text(token.text(), token.offset(), token.end());
            }
            case SYMBOL -> {
                if (token.text().equals("(")) {
                    Ast inner = tokens.nested(this::or);
                    tokens.expect(")");
                    return inner;
                }
            }
            case WORD -> {
                return word(token);
            }
            default -> {
            }
        }
        tokens.back();
        throw tokens.unexpected();
    }

    private Ast word(Token token) throws FormulaException {
        String text = token.text();
        switch (text) {
            case "true", "false" -> {
                return new Ast.Truth(text.equals("true"), token.offset(), token.end());
            }
            case "if" -> {
                return conditional(token);
            }
            default -> {
            }
        }
        if (KEYWORDS.contains(text)) {
            tokens.back();
            throw tokens.unexpected();
        }
        if (tokens.symbol("(")) {
            return text.equals("aggregate") ? aggregate(token) : call(token);
        }
        Ast argument = cellOrRange(token);
        if (!(argument instanceof Ast.Cell)) {
            throw new FormulaException(token.offset(), "« " + tokens.source().substring(argument.start(),
                argument.end()) + " » : une plage n'est permise qu'en argument de sum, min, max ou count");
        }
        return argument;
    }

    private Ast conditional(Token start) throws FormulaException {
        Ast condition = tokens.nested(this::or);
        tokens.expect("then");
        Ast then = tokens.nested(this::or);
        Ast otherwise = tokens.accept("else") ? tokens.nested(this::or) : null;
        return new Ast.If(condition, then, otherwise, start.offset(), (otherwise == null ? then : otherwise).end());
    }

    private Ast aggregate(Token name) throws FormulaException {
        tokens.next();
        Token code = tokens.next();
        if (code.kind() != Kind.WORD || !CODE.matcher(code.text()).matches()) {
            throw new FormulaException(code.offset(), "aggregate attend le code d'un agrégat, par exemple aggregate(CAF_NETTE)");
        }
        Token close = tokens.peek();
        tokens.expect(")");
        return new Ast.Aggregate(code.text(), code.offset(), name.offset(), close.end());
    }

    private Ast call(Token name) throws FormulaException {
        tokens.next();
        List<Ast> arguments = new ArrayList<>();
        if (!tokens.symbol(")")) {
            do {
                arguments.add(argument());
            } while (tokens.accept(","));
        }
        Token close = tokens.peek();
        tokens.expect(")");
        return new Ast.Call(name.text(), List.copyOf(arguments), name.offset(), close.end());
    }

    private Ast argument() throws FormulaException {
        Token token = tokens.peek();
        if (token.kind() == Kind.WORD && !KEYWORDS.contains(token.text()) && !tokens.peekSecond().text().equals("(")) {
            int mark = tokens.mark();
            tokens.next();
            Ast argument = cellOrRange(token);
            if (!(argument instanceof Ast.Cell)) {
                return argument;
            }
            tokens.reset(mark);
        }
        return tokens.nested(this::or);
    }

    /** A cell, a range {@code A:B} or a repeating column, with an optional questionnaire prefix. */
    private Ast cellOrRange(Token first) throws FormulaException {
        String questionnaire = null;
        Token cell = first;
        if (first.text().indexOf('.') < 0 && tokens.symbol(":")) {
            if (!CODE.matcher(first.text()).matches()) {
                throw notACell(first);
            }
            tokens.next();
            questionnaire = first.text();
            cell = tokens.next();
            if (cell.kind() != Kind.WORD) {
                throw new FormulaException(cell.offset(), "cellule FICHE.LIGNE.COLONNE attendue après « " + questionnaire + ": »");
            }
        }
        var everyRow = TokenStream.EVERY_ROW.matcher(cell.text());
        if (everyRow.matches()) {
            return new Ast.EveryRow(questionnaire, everyRow.group(1), everyRow.group(2), everyRow.group(3),
                first.offset(), cell.end());
        }
        if (!TokenStream.CELL.matcher(cell.text()).matches()) {
            throw notACell(cell);
        }
        Ast result = continuation(questionnaire, first, cell);
        return result != null ? result : new Ast.Cell(questionnaire, cell.text(), first.offset(), cell.end());
    }

    /** The end of a range {@code A:B} (the second cell may repeat the prefix), or {@code null}. */
    private Ast continuation(String questionnaire, Token first, Token cell) throws FormulaException {
        if (!tokens.symbol(":")) {
            return null;
        }
        tokens.next();
        Token end = tokens.next();
        if (end.kind() == Kind.WORD && end.text().equals(questionnaire) && tokens.accept(":")) {
            end = tokens.next();
        }
        if (end.kind() != Kind.WORD || !TokenStream.CELL.matcher(end.text()).matches()) {
            throw new FormulaException(end.offset(), "fin de plage attendue : une cellule FICHE.LIGNE.COLONNE après « "
                + cell.text() + ": »");
        }
        return new Ast.Range(questionnaire, cell.text(), end.text(), first.offset(), end.end());
    }

    private static FormulaException notACell(Token token) {
        return new FormulaException(token.offset(), "« " + token.text() + " » n'est ni une cellule FICHE.LIGNE.COLONNE, "
            + "ni une fonction, ni un mot-clé du langage des contrôles");
    }

    private static BigDecimal number(Token token) {
        if (token.kind() != Kind.NUMBER) {
            return null;
        }
        try {
            return new BigDecimal(token.text());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
