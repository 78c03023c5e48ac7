package org.liasse.extender.control;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.extender.formula.FormulaException;

/** Load-time checks of parsed rules and aggregates against one questionnaire version: names and types. */
public final class RuleChecker {

    /**
     * An error and whether it is in the message (else in the expression).
     *
     * @param error     the error, at an offset of the expression or of the message
     * @param inMessage whether the offset is in the message
     */
    public record Located(FormulaException error, boolean inMessage) {
    }

    /**
     * The result of checking a rule.
     *
     * @param error     the first error, if any
     * @param highlight the cells of the questionnaire the rule reads, when it is valid
     */
    public record Checked(Optional<Located> error, List<String> highlight) {
    }

    private RuleChecker() {
    }

    /** Checks an aggregate of a rule set (its formula, the aggregates it uses, cycles). */
    public static Optional<FormulaException> aggregate(QuestionnaireDefinition version,
                                                       Function<String, Optional<QuestionnaireDefinition>> others,
                                                       RuleSet aggregates, String code) {
        try {
            CompiledPlan.binder(version, others, aggregates, new Layout()).aggregate(code);
            return Optional.empty();
        } catch (FormulaException e) {
            return Optional.of(e);
        }
    }

    /** Checks a rule and the placeholders of its message. */
    public static Checked rule(QuestionnaireDefinition version, Function<String, Optional<QuestionnaireDefinition>> others,
                               RuleSet aggregates, String expression, Ast ast, Template message) {
        Binder binder = CompiledPlan.binder(version, others, aggregates, new Layout());
        try {
            binder.rule(expression, ast);
        } catch (FormulaException e) {
            return new Checked(Optional.of(new Located(e, false)), List.of());
        }
        List<String> highlight = binder.highlight();
        for (Template.Part part : message.parts()) {
            if (part.expression() != null) {
                try {
                    binder.expression(part.source(), part.expression());
                } catch (FormulaException e) {
                    return new Checked(Optional.of(new Located(
                        new FormulaException(part.offset() + e.offset(), e.getMessage()), true)), List.of());
                }
            }
        }
        return new Checked(Optional.empty(), highlight);
    }
}
