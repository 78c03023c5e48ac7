package org.liasse.api.definition;

import java.util.List;

/**
 * A fixed table: coded rows × coded columns, as in regulatory statements.
 *
 * @param code    stable code, unique within its questionnaire
 * @param title   French title
 * @param rows    rows in display order
 * @param columns columns in display order
 */
public record TableDefinition(String code, String title, List<RowDefinition> rows, List<ColumnDefinition> columns) {

    /** Defensive copies. */
    public TableDefinition {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }
}
