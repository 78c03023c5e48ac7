package org.liasse.api.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a fiche. A fixed table has coded rows × coded columns, as in regulatory statements. A repeating table
 * (e.g. a list of shareholders) has no declared rows: the organisation fills up to {@code maxRows} rows, addressed
 * {@code TABLE_1}, {@code TABLE_2}…
 *
 * @param code      stable code, unique within its questionnaire
 * @param title     French title
 * @param rows      rows in display order; empty for a repeating table
 * @param columns   columns in display order
 * @param repeating whether rows are entered by the organisation
 * @param maxRows   largest number of rows of a repeating table, 0 for a fixed table
 */
public record TableDefinition(String code, String title, List<RowDefinition> rows, List<ColumnDefinition> columns,
                              boolean repeating, int maxRows) {

    /** Defensive copies. */
    public TableDefinition {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }

    /** A fixed table. */
    public static TableDefinition fixed(String code, String title, List<RowDefinition> rows,
                                        List<ColumnDefinition> columns) {
        return new TableDefinition(code, title, rows, columns, false, 0);
    }

    /** The code of the n-th row (from 1) of a repeating table. */
    public String repeatedRowCode(int n) {
        return code + "_" + n;
    }

    /** The codes of every row that can hold values: declared rows, or every possible row of a repeating table. */
    public List<String> rowCodes() {
        if (!repeating) {
            return rows.stream().map(RowDefinition::code).toList();
        }
        List<String> codes = new ArrayList<>(maxRows);
        for (int n = 1; n <= maxRows; n++) {
            codes.add(repeatedRowCode(n));
        }
        return codes;
    }
}
