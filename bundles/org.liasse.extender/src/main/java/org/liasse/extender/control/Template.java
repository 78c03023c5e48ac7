package org.liasse.extender.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.liasse.extender.formula.FormulaException;

/**
 * A control's message: French text with placeholders between braces. {@code {left}}, {@code {right}} and
 * {@code {difference}} show the operands (and their difference) of the comparison that decided the failure; any
 * other placeholder is an expression of the control language, e.g. {@code {BILAN.TOTAL_ACTIF.MONTANT}} or
 * {@code {prev(CR.LOYERS.MONTANT)}}. {@code {{} and {@code }}} write a brace.
 *
 * @param parts literal texts and placeholders, in order
 */
public record Template(List<Part> parts) {

    /** Placeholders that refer to the deciding comparison. */
    static final Set<String> OPERANDS = Set.of("left", "right", "difference");

    /**
     * A piece of the message.
     *
     * @param literal    the text, for a literal piece; {@code null} for a placeholder
     * @param source     the placeholder as written between the braces
     * @param expression the parsed placeholder, {@code null} for a literal or an operand placeholder
     * @param offset     offset of the placeholder's content in the message
     */
    public record Part(String literal, String source, Ast expression, int offset) {
    }

    /** Defensive copy. */
    public Template {
        parts = List.copyOf(parts);
    }

    /** Parses a message; errors are located at an offset of the message. */
    public static Template parse(String message) throws FormulaException {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < message.length() && message.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
            } else if (c == '}') {
                throw new FormulaException(i, "« } » sans « { » : écrivez }} pour une accolade");
            } else if (c == '{') {
                int close = message.indexOf('}', i + 1);
                if (close < 0) {
                    throw new FormulaException(i, "« { » sans « } » : écrivez {{ pour une accolade");
                }
                String source = message.substring(i + 1, close).strip();
                int offset = i + 1 + message.substring(i + 1, close).indexOf(source.isEmpty() ? " " : source);
                if (source.isEmpty()) {
                    throw new FormulaException(i, "emplacement vide « {} »");
                }
                if (literal.length() > 0) {
                    parts.add(new Part(literal.toString(), null, null, 0));
                    literal.setLength(0);
                }
                Ast expression = null;
                if (!OPERANDS.contains(source)) {
                    try {
                        expression = Parser.parse(source);
                    } catch (FormulaException e) {
                        throw new FormulaException(offset + e.offset(), e.getMessage());
                    }
                }
                parts.add(new Part(null, source, expression, offset));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), null, null, 0));
        }
        return new Template(parts);
    }
}
