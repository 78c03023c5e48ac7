package org.liasse.extender.control;

import java.util.List;

import org.liasse.api.definition.AggregateDefinition;
import org.liasse.api.definition.ControlDefinition;

/**
 * The controls and aggregates of one plugin, parsed and checked when it loaded: what plans are compiled from.
 *
 * @param rules      controls with their parsed expression and message
 * @param aggregates aggregates with their parsed formula
 */
public record RuleSet(List<Rule> rules, List<Aggregate> aggregates) {

    /** No rule. */
    public static final RuleSet EMPTY = new RuleSet(List.of(), List.of());

    /** Defensive copies. */
    public RuleSet {
        rules = List.copyOf(rules);
        aggregates = List.copyOf(aggregates);
    }

    /**
     * A parsed control.
     *
     * @param versions questionnaire versions it applies to, empty for every version
     */
    public record Rule(ControlDefinition definition, Ast expression, Template message, List<String> versions) {

        /** Whether it applies to a questionnaire version. */
        public boolean appliesTo(String version) {
            return versions.isEmpty() || versions.contains(version);
        }
    }

    /**
     * A parsed aggregate.
     *
     * @param versions questionnaire versions it applies to, empty for every version
     */
    public record Aggregate(AggregateDefinition definition, Ast expression, List<String> versions) {

        /** Whether it applies to a questionnaire version. */
        public boolean appliesTo(String version) {
            return versions.isEmpty() || versions.contains(version);
        }
    }

    /** Whether the plugin declares controls or aggregates of a questionnaire. */
    public boolean concerns(String questionnaire) {
        return rules.stream().anyMatch(rule -> rule.definition().questionnaire().equals(questionnaire))
            || aggregates.stream().anyMatch(aggregate -> aggregate.definition().questionnaire().equals(questionnaire));
    }
}
