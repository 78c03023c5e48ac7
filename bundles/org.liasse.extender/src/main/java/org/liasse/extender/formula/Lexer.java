package org.liasse.extender.formula;

import java.util.ArrayList;
import java.util.List;

/** Splits a formula into tokens: numbers, words (codes, possibly dotted, {@code @CODE}, {@code TABLE_*}), symbols. */
final class Lexer {

    /** Kind of token. */
    enum Kind { NUMBER, WORD, SYMBOL, END }

    /** One token and where it starts. */
    record Token(Kind kind, String text, int offset) {
    }

    private Lexer() {
    }

    static List<Token> tokens(String source) throws FormulaException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < source.length() && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, source.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '@') {
                int start = i++;
                while (i < source.length() && isWordPart(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, source.substring(start, i), start));
            } else if ("+-*/(),:".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i++));
            } else {
                throw new FormulaException(i, "caractère inattendu « " + c + " »");
            }
        }
        tokens.add(new Token(Kind.END, "", source.length()));
        return tokens;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '*';
    }
}
