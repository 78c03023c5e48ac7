package org.liasse.extender.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.extender.formula.CellRanges;

/**
 * A deliberately simple reading of {@code docs/controls.md}: evaluates a parsed rule with {@link BigDecimal} only,
 * straight from the documented semantics, to judge the engine's fast paths against. Values are {@link BigDecimal},
 * {@link String} (texts, dates), {@link Boolean}, or {@code null} for an empty value or a condition that does not
 * apply. Operands are evaluated left to right; {@code and}, {@code or}, {@code if} and {@code coalesce} evaluate
 * an operand only when the result still depends on it, so an unreadable value there is an error only when read.
 */
final class Oracle {

    /** A stored value that is not of its cell's type: the rule is a runtime error. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, QuestionnaireDefinition> questionnaires;
    private final String own;
    private final Map<String, Ast> aggregates;

    /**
     * @param questionnaires the checked questionnaire and the others rules may read, by code
     * @param own            the code of the checked questionnaire
     * @param aggregates     the parsed aggregates of the plugin, by code
     */
    Oracle(Map<String, QuestionnaireDefinition> questionnaires, String own, Map<String, Ast> aggregates) {
        this.questionnaires = questionnaires;
        this.own = own;
        this.aggregates = aggregates;
    }

    /** The outcome of a rule on a dossier. */
    ControlStatus status(Ast rule, ControlData data) {
        try {
            Object value = value(rule, data, false);
            return value == null ? ControlStatus.NOT_APPLICABLE : (Boolean) value ? ControlStatus.PASSED
                : ControlStatus.FAILED;
        } catch (Unreadable e) {
            return ControlStatus.RUNTIME_ERROR;
        }
    }

    /** The value of an expression on a dossier; throws {@link Unreadable}. */
    Object value(Ast ast, ControlData data, boolean previous) {
        if (ast instanceof Ast.Number number) {
            return number.value();
        } else if (ast instanceof Ast.Text text) {
            return text.value();
        } else if (ast instanceof Ast.Truth truth) {
            return truth.value();
        } else if (ast instanceof Ast.Cell cell) {
            return cell(cell.questionnaire(), cell.cell(), data, previous);
        } else if (ast instanceof Ast.Negate negate) {
            BigDecimal value = (BigDecimal) value(negate.operand(), data, previous);
            return value == null ? null : value.negate();
        } else if (ast instanceof Ast.Arithmetic arithmetic) {
            BigDecimal a = (BigDecimal) value(arithmetic.left(), data, previous);
            BigDecimal b = (BigDecimal) value(arithmetic.right(), data, previous);
            if (a == null || b == null) {
                return null;
            }
            return switch (arithmetic.operator()) {
                case '+' -> a.add(b);
                case '-' -> a.subtract(b);
                case '*' -> a.multiply(b);
                default -> b.signum() == 0 ? null : a.divide(b, MathContext.DECIMAL64);
            };
        } else if (ast instanceof Ast.Comparison comparison) {
            return compare(comparison, value(comparison.left(), data, previous),
                value(comparison.right(), data, previous));
        } else if (ast instanceof Ast.Logic logic) {
            Boolean decisive = !logic.conjunction();
            Boolean a = (Boolean) value(logic.left(), data, previous);
            if (decisive.equals(a)) {
                return a;
            }
            Boolean b = (Boolean) value(logic.right(), data, previous);
            return decisive.equals(b) ? b : a == null || b == null ? null : a;
        } else if (ast instanceof Ast.Not not) {
            Boolean value = (Boolean) value(not.operand(), data, previous);
            return value == null ? null : !value;
        } else if (ast instanceof Ast.If conditional) {
            Boolean condition = (Boolean) value(conditional.condition(), data, previous);
            if (condition == null) {
                return null;
            }
            Ast branch = condition ? conditional.then() : conditional.otherwise();
            return branch == null ? null : value(branch, data, previous);
        } else if (ast instanceof Ast.Call call) {
            return call(call, data, previous);
        }
        return value(aggregates.get(((Ast.Aggregate) ast).code()), data, previous);
    }

    private static Boolean compare(Ast.Comparison comparison, Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        String operator = comparison.operator();
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            BigDecimal t = comparison.tolerance() == null ? BigDecimal.ZERO : comparison.tolerance();
            BigDecimal difference = x.subtract(y);
            return switch (operator) {
                case "=" -> difference.abs().compareTo(t) <= 0;
                case "<>" -> difference.abs().compareTo(t) > 0;
                case "<" -> x.compareTo(y.add(t)) < 0;
                case "<=" -> x.compareTo(y.add(t)) <= 0;
                case ">" -> x.compareTo(y.subtract(t)) > 0;
                default -> x.compareTo(y.subtract(t)) >= 0;
            };
        }
        int order = a instanceof Boolean p ? Boolean.compare(p, (Boolean) b) : a.toString().compareTo(b.toString());
        return switch (operator) {
            case "=" -> order == 0;
            case "<>" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private Object call(Ast.Call call, ControlData data, boolean previous) {
        List<Ast> arguments = call.arguments();
        switch (call.name()) {
            case "abs" -> {
                BigDecimal value = (BigDecimal) value(arguments.get(0), data, previous);
                return value == null ? null : value.abs();
            }
            case "round" -> {
                BigDecimal value = (BigDecimal) value(arguments.get(0), data, previous);
                int digits = ((Ast.Number) arguments.get(1)).value().intValue();
                return value == null ? null : value.setScale(digits, RoundingMode.HALF_UP);
            }
            case "sum", "min", "max" -> {
                BigDecimal result = null;
                for (Object value : operands(arguments, data, previous)) {
                    BigDecimal number = (BigDecimal) value;
                    if (number != null) {
                        result = result == null ? number : switch (call.name()) {
                            case "sum" -> result.add(number);
                            case "min" -> result.min(number);
                            default -> result.max(number);
                        };
                    }
                }
                return result;
            }
            case "count" -> {
                return BigDecimal.valueOf(operands(arguments, data, previous).stream().filter(v -> v != null).count());
            }
            case "empty", "filled" -> {
                return (value(arguments.get(0), data, previous) == null) == call.name().equals("empty");
            }
            case "coalesce" -> {
                Object first = value(arguments.get(0), data, previous);
                return first != null ? first : value(arguments.get(1), data, previous);
            }
            case "prev" -> {
                return value(arguments.get(0), data, true);
            }
            default -> throw new IllegalArgumentException("unknown function " + call.name());
        }
    }

    /** The values of the arguments of sum, min, max or count, ranges expanded. */
    private List<Object> operands(List<Ast> arguments, ControlData data, boolean previous) {
        List<Object> values = new ArrayList<>();
        for (Ast argument : arguments) {
            if (argument instanceof Ast.Range range) {
                Map<String, CellDefinition> cells = questionnaire(range.questionnaire()).cells();
                for (String code : CellRanges.range(cells, range.from(), range.to()).orElseThrow()) {
                    values.add(cell(range.questionnaire(), code, data, previous));
                }
            } else if (argument instanceof Ast.EveryRow every) {
                Map<String, CellDefinition> cells = questionnaire(every.questionnaire()).cells();
                for (String code : CellRanges.everyRow(cells, every.fiche(), every.table(), every.column()).orElseThrow()) {
                    values.add(cell(every.questionnaire(), code, data, previous));
                }
            } else {
                values.add(value(argument, data, previous));
            }
        }
        return values;
    }

    private QuestionnaireDefinition questionnaire(String code) {
        return questionnaires.get(code == null ? own : code);
    }

    /** A cell's stored value read as its column's type: empty when absent or blank. */
    private Object cell(String questionnaire, String code, ControlData data, boolean previous) {
        Map<String, String> values = questionnaire == null || questionnaire.equals(own)
            ? previous ? data.previous() : data.values()
            : data.others().getOrDefault(questionnaire, Map.of());
        String text = values.get(code);
        if (text == null || text.isEmpty()) {
            return null;
        }
        Type type = Type.of(questionnaire(questionnaire).cells().get(code).column().type());
        try {
            return switch (type) {
                case NUMBER -> new BigDecimal(text);
                case BOOLEAN -> switch (text) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new Unreadable(code + " : " + text);
                };
                case DATE -> LocalDate.parse(text).toString();
                case TEXT -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new Unreadable(code + " : " + text);
        }
    }
}
