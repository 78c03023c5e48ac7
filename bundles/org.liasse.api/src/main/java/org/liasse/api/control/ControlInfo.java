package org.liasse.api.control;

import java.util.List;

import org.liasse.api.definition.Severity;

/**
 * A control of a plan.
 *
 * @param code        control code
 * @param severity    effect of a failure
 * @param expression  the rule as the plugin wrote it
 * @param cells       cells of the dossier to highlight when it fails
 * @param ruleVersion plugin that declares it and its version, e.g. {@code org.liasse.ministry.er 1.2.0}
 */
public record ControlInfo(String code, Severity severity, String expression, List<String> cells, String ruleVersion) {

    /** Defensive copy. */
    public ControlInfo {
        cells = List.copyOf(cells);
    }
}
