package org.liasse.api.definition;

import java.util.Map;

/**
 * A coded row of a fixed table.
 *
 * @param code     stable code, unique within its fiche
 * @param label    French label
 * @param help     French help text, empty when none
 * @param computed column code to the expression computing that cell of the row (e.g. a total), possibly empty
 * @param cellHelp column code to the French guide de saisie of that cell of the row, possibly empty
 */
public record RowDefinition(String code, String label, String help, Map<String, String> computed,
                            Map<String, String> cellHelp) {

    /** Defensive copies. */
    public RowDefinition {
        help = help == null ? "" : help;
        computed = Map.copyOf(computed);
        cellHelp = Map.copyOf(cellHelp);
    }

    /** A row without help for its cells. */
    public RowDefinition(String code, String label, String help, Map<String, String> computed) {
        this(code, label, help, computed, Map.of());
    }

    /** A row without help or computed cells. */
    public static RowDefinition of(String code, String label) {
        return new RowDefinition(code, label, "", Map.of());
    }
}
