package org.liasse.api.definition;

/**
 * A financial aggregate declared by a plugin (member {@code aggregates} of a controls file): a named formula of the
 * control language, shown to users in a group (tab) and usable in rules as {@code aggregate(CODE)}.
 *
 * @param code          stable code, unique within its plugin
 * @param questionnaire code of the questionnaire whose cells it reads
 * @param label         French label
 * @param group         French name of the group (tab), e.g. {@code Situation financière}; empty when none
 * @param unit          unit shown beside the value, e.g. {@code €}; empty when none
 * @param expression    the formula, a number
 * @param location      where it was declared
 */
public record AggregateDefinition(String code, String questionnaire, String label, String group, String unit,
                                  String expression, SourceLocation location) {

    /** Empty texts for missing optional members. */
    public AggregateDefinition {
        group = group == null ? "" : group;
        unit = unit == null ? "" : unit;
    }
}
