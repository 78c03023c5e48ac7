package org.liasse.api.definition;

import java.util.List;

/**
 * A business control declared by a plugin, written in the control language ({@code docs/controls.md}).
 *
 * @param code          stable code, unique within its plugin
 * @param questionnaire code of the questionnaire it checks
 * @param severity      effect of a failure
 * @param expression    the rule, in the Liasse control language
 * @param message       French message template shown when the rule fails; {@code {…}} placeholders show values
 * @param cells         cell references written in the expression, as written ({@code QUESTIONNAIRE:} prefix
 *                      kept), in order of appearance
 * @param location      where it was declared
 * @param highlight     cells of the checked dossier to highlight when it fails: those declared by the plugin, or
 *                      by default every cell of its own questionnaire that the expression reads (ranges expanded)
 */
public record ControlDefinition(String code, String questionnaire, Severity severity, String expression,
                                String message, List<String> cells, SourceLocation location, List<String> highlight) {

    /** Defensive copies. */
    public ControlDefinition {
        cells = List.copyOf(cells);
        highlight = List.copyOf(highlight);
    }

    /** A control whose highlighted cells are the references of its own questionnaire written in the expression. */
    public ControlDefinition(String code, String questionnaire, Severity severity, String expression,
                             String message, List<String> cells, SourceLocation location) {
        this(code, questionnaire, severity, expression, message, cells, location,
            cells.stream().filter(cell -> cell.indexOf(':') < 0).distinct().toList());
    }
}
