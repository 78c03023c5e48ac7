package org.liasse.api.definition;

/**
 * One addressable cell of a questionnaire with where it sits.
 *
 * @param code    stable code {@code FICHE.ROW.COLUMN}
 * @param fiche   its fiche
 * @param table   its table
 * @param row     its row code (for a repeating table, {@code TABLE_n})
 * @param column  its column, which carries the field specification
 * @param formula the compiled formula when the cell is computed, else {@code null}
 */
public record CellDefinition(String code, FicheDefinition fiche, TableDefinition table, String row,
                             ColumnDefinition column, Formula formula) {

    /** Whether the platform computes this cell (users cannot enter it). */
    public boolean computed() {
        return formula != null;
    }

    /** The French guide de saisie written for this very cell by its row, empty when none. */
    public String help() {
        return table.rows().stream().filter(declared -> declared.code().equals(row)).findFirst()
            .map(declared -> declared.cellHelp().getOrDefault(column.code(), "")).orElse("");
    }
}
