package org.liasse.extender.formula;

import java.util.List;
import java.util.regex.Pattern;

import org.liasse.extender.formula.Lexer.Kind;
import org.liasse.extender.formula.Lexer.Token;

/** A cursor over the tokens of one source, shared by the formula and the control parsers. */
public final class TokenStream {

    /** A cell code {@code FICHE.ROW.COLUMN}. */
    public static final Pattern CELL = Pattern.compile("[A-Z][A-Z0-9_]*\\.[A-Z][A-Z0-9_]*\\.[A-Z][A-Z0-9_]*");
    /** Every row of a repeating table {@code FICHE.TABLE_*.COLUMN}; groups: fiche, table, column. */
    public static final Pattern EVERY_ROW =
        Pattern.compile("([A-Z][A-Z0-9_]*)\\.([A-Z][A-Z0-9_]*)_\\*\\.([A-Z][A-Z0-9_]*)");

    /** Levels of nesting (parentheses, function arguments, unary operators) a source may have. */
    public static final int MAX_NESTING = 64;
    /** Levels an expression's tree may have, operator chains included: deeper trees are refused, never evaluated. */
    public static final int MAX_HEIGHT = 200;

    private final String source;
    private final String what;
    private final List<Token> tokens;
    private int position;
    private int nesting;

    /**
     * Tokenizes a source.
     *
     * @param what French feminine noun naming the source in messages, e.g. {@code formule}, {@code expression}
     */
    public TokenStream(String source, String what) throws FormulaException {
        this.source = source;
        this.what = what;
        this.tokens = Lexer.tokens(source);
    }

    /** The source text. */
    public String source() {
        return source;
    }

    /** The next token, not consumed. */
    public Token peek() {
        return tokens.get(position);
    }

    /** The token after the next one, not consumed ({@code END} at the end). */
    public Token peekSecond() {
        return tokens.get(Math.min(position + 1, tokens.size() - 1));
    }

    /** Consumes the next token. */
    public Token next() {
        return tokens.get(position++);
    }

    /** The current position, for {@link #reset}. */
    public int mark() {
        return position;
    }

    /** Goes back to a position given by {@link #mark}. */
    public void reset(int mark) {
        position = mark;
    }

    /** Goes back one token. */
    public void back() {
        position--;
    }

    /** Whether the next token is this symbol. */
    public boolean symbol(String text) {
        Token token = peek();
        return token.kind() == Kind.SYMBOL && token.text().equals(text);
    }

    /** Whether the next token is this word (a keyword). */
    public boolean word(String text) {
        Token token = peek();
        return token.kind() == Kind.WORD && token.text().equals(text);
    }

    /** Consumes the next token if it is this symbol. */
    public boolean accept(String text) {
        if (symbol(text) || word(text)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes this symbol or keyword, or fails. */
    public void expect(String text) throws FormulaException {
        if (!accept(text)) {
            throw new FormulaException(peek().offset(), "« " + text + " » attendu"
                + (peek().kind() == Kind.END ? " en fin de " + what : " avant « " + peek().text() + " »"));
        }
    }

    /** Fails on the next token, or at the end of the source. */
    public FormulaException unexpected() {
        Token token = peek();
        return new FormulaException(token.offset(), token.kind() == Kind.END
            ? what + " incomplète : « " + source + " »" : "« " + token.text() + " » inattendu");
    }

    /** A step of a parser, which may nest. */
    public interface Step<T> {
        T parse() throws FormulaException;
    }

    /** Runs a step one level of nesting deeper, or fails at the next token when the source is nested too deeply. */
    public <T> T nested(Step<T> step) throws FormulaException {
        if (nesting == MAX_NESTING) {
            throw new FormulaException(peek().offset(), what + " trop imbriquée (" + MAX_NESTING + " niveaux au plus)");
        }
        nesting++;
        try {
            return step.parse();
        } finally {
            nesting--;
        }
    }

    /** Fails at an offset when a tree of this height would be built: {@value #MAX_HEIGHT} levels at most. */
    public void checkHeight(int height, int offset) throws FormulaException {
        if (height > MAX_HEIGHT) {
            throw new FormulaException(offset, what + " trop profonde : plus de " + MAX_HEIGHT + " opérations "
                + "enchaînées ; découpez-la, par exemple avec sum(…) ou un agrégat");
        }
    }

    /** Fails unless every token was read. */
    public void expectEnd() throws FormulaException {
        if (peek().kind() != Kind.END) {
            throw unexpected();
        }
    }
}
