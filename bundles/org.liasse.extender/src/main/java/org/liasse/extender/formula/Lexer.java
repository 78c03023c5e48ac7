package org.liasse.extender.formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a formula or a control rule into tokens: numbers, words (codes, possibly dotted, {@code @CODE},
 * {@code TABLE_*}, keywords), quoted strings and symbols (arithmetic, comparisons, parentheses, comma, colon).
 */
public final class Lexer {

    /** Kind of token. */
    public enum Kind { NUMBER, WORD, STRING, SYMBOL, END }

    /**
     * One token and where it starts.
     *
     * @param kind   kind
     * @param text   the token as written; for a string, its content without the quotes
     * @param offset zero-based offset of its first character
     * @param end    offset just after its last character
     */
    public record Token(Kind kind, String text, int offset, int end) {
    }

    private static final String TWO_CHAR_SYMBOLS = "<=|>=|<>";
    private static final String SYMBOLS = "+-*/(),:=<>";

    private Lexer() {
    }

    /** The tokens of a source, ending with an {@link Kind#END} token. */
    public static List<Token> tokens(String source) throws FormulaException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c)) {
                int start = i;
                while (i < source.length() && (isDigit(source.charAt(i)) || source.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, source.substring(start, i), start, i));
            } else if (Character.isLetter(c) || c == '@') {
                int start = i++;
                while (i < source.length() && isWordPart(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, source.substring(start, i), start, i));
            } else if (c == '"' || c == '\'') {
                int close = source.indexOf(c, i + 1);
                if (close < 0) {
                    throw new FormulaException(i, "texte non terminé : le guillemet " + c + " n'est pas refermé");
                }
                tokens.add(new Token(Kind.STRING, source.substring(i + 1, close), i, close + 1));
                i = close + 1;
            } else if (i + 1 < source.length() && TWO_CHAR_SYMBOLS.contains(source.substring(i, i + 2))) {
                tokens.add(new Token(Kind.SYMBOL, source.substring(i, i + 2), i, i + 2));
                i += 2;
            } else if (SYMBOLS.indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            } else {
                throw new FormulaException(i, "caractère inattendu « " + c + " »");
            }
        }
        tokens.add(new Token(Kind.END, "", source.length(), source.length()));
        return tokens;
    }

    /** An ASCII digit: other scripts' digits (Arabic-Indic, full-width…) are not numbers in a rule or a formula. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '*';
    }
}
