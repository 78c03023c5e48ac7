package org.liasse.extender.control;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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

        /** What the rule checks and says, without where it is written: equal for the same rule. */
        public String signature() {
            ControlDefinition d = definition;
            return String.join("\u0000", "control", d.code(), d.severity().name(), d.expression(), d.message(),
                String.join(",", d.highlight()), String.join(",", versions));
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

        /** What the aggregate computes and shows, without where it is written: equal for the same aggregate. */
        public String signature() {
            AggregateDefinition d = definition;
            return String.join("\u0000", "aggregate", d.code(), d.label(), d.group(), d.unit(), d.expression(),
                String.join(",", versions));
        }
    }

    /** The signatures of the controls and aggregates of one questionnaire, in declaration order. */
    public List<String> signatures(String questionnaire) {
        return Stream.concat(
            rules.stream().filter(rule -> rule.definition().questionnaire().equals(questionnaire)).map(Rule::signature),
            aggregates.stream().filter(aggregate -> aggregate.definition().questionnaire().equals(questionnaire))
                .map(Aggregate::signature)).toList();
    }

    /** Every questionnaire the plugin declares controls or aggregates of. */
    public Set<String> questionnaires() {
        Set<String> codes = new TreeSet<>();
        rules.forEach(rule -> codes.add(rule.definition().questionnaire()));
        aggregates.forEach(aggregate -> codes.add(aggregate.definition().questionnaire()));
        return codes;
    }

    /** Whether the plugin declares controls or aggregates of a questionnaire. */
    public boolean concerns(String questionnaire) {
        return questionnaires().contains(questionnaire);
    }
}
