package org.liasse.extender.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the cells a control expression refers to, without knowing the control language:
 * every word of the form {@code FICHE.ROW.COLUMN}, optionally prefixed by {@code QUESTIONNAIRE:},
 * outside quoted literals.
 */
final class CellReferences {

    private static final String IDENT = "[A-Z][A-Z0-9_]*";
    private static final Pattern REFERENCE =
            Pattern.compile("(?:(" + IDENT + "):)?(" + IDENT + "\\." + IDENT + "\\." + IDENT + ")");

    /**
     * A cell reference found in an expression.
     *
     * @param text          the reference as written, e.g. {@code QDIS:BILAN.R01.MONTANT}
     * @param questionnaire the questionnaire prefix, when written
     * @param cell          the cell code {@code FICHE.ROW.COLUMN}
     * @param index         index of the reference in the expression
     */
    record CellReference(String text, Optional<String> questionnaire, String cell, int index) {
    }

    private CellReferences() {
    }

    /** The cell references of an expression, in order of appearance. */
    static List<CellReference> in(String expression) {
        List<CellReference> references = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'') {
                int end = expression.indexOf(c, i + 1);
                i = end < 0 ? expression.length() : end + 1;
            } else if (isWordPart(c)) {
                int start = i;
                while (i < expression.length() && (isWordPart(expression.charAt(i))
                        || expression.charAt(i) == '.' || expression.charAt(i) == ':')) {
                    i++;
                }
                reference(expression.substring(start, i), start).ifPresent(references::add);
            } else {
                i++;
            }
        }
        return references;
    }

    private static Optional<CellReference> reference(String word, int index) {
        Matcher matcher = REFERENCE.matcher(word);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CellReference(word, Optional.ofNullable(matcher.group(1)), matcher.group(2), index));
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
