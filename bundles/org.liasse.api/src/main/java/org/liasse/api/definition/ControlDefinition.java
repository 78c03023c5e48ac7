package org.liasse.api.definition;

import java.util.List;

/**
 * A business control declared by a plugin.
 *
 * @param code          stable code, unique within its plugin
 * @param questionnaire code of the questionnaire it checks
 * @param severity      effect of a failure
 * @param expression    the rule, in the Liasse control language
 * @param message       French message shown when the rule fails
 * @param cells         cell codes the expression refers to, in order of appearance
 * @param location      where it was declared
 */
public record ControlDefinition(String code, String questionnaire, Severity severity, String expression,
                                String message, List<String> cells, SourceLocation location) {

    /** Defensive copy. */
    public ControlDefinition {
        cells = List.copyOf(cells);
    }
}
