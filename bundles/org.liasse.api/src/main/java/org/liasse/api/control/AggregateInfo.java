package org.liasse.api.control;

/**
 * A financial aggregate of a plan (e.g. the net cash flow of the financial situation).
 *
 * @param code        aggregate code
 * @param label       French label
 * @param group       French name of the group (tab) it is shown in, empty when none
 * @param unit        unit shown beside the value, empty when none
 * @param expression  the formula as the plugin wrote it
 * @param ruleVersion plugin that declares it and its version
 */
public record AggregateInfo(String code, String label, String group, String unit, String expression,
                            String ruleVersion) {
}
