package org.liasse.api.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liasse.api.definition.Severity;

/**
 * The result of one control on one dossier.
 *
 * @param code        control code
 * @param severity    severity of the control
 * @param status      passed, failed, not applicable or runtime error
 * @param message     for {@link ControlStatus#FAILED}, the control's French message with its placeholders filled;
 *                    for {@link ControlStatus#RUNTIME_ERROR}, why the rule could not be evaluated; else empty
 * @param values      for a failed control or a runtime error, the values involved, in order: each cell or
 *                    {@code prev(…)} the rule reads, then {@code left} and {@code right} of the comparison that
 *                    decided; values are French texts ({@code 1 234,50}, {@code oui}, {@code (vide)}); else empty
 * @param cells       cells of the dossier to highlight
 * @param ruleVersion plugin that declares the control and its version
 */
public record ControlOutcome(String code, Severity severity, ControlStatus status, String message,
                             Map<String, String> values, List<String> cells, String ruleVersion) {

    /** Defensive copies; the order of values is kept. */
    public ControlOutcome {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        cells = List.copyOf(cells);
    }
}
