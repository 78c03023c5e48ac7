package org.liasse.extender.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.FicheDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.TableDefinition;

/** The cells of a range {@code A:B} or of a repeating column {@code FICHE.TABLE_*.COLUMN}, for formulas and rules. */
public final class CellRanges {

    private CellRanges() {
    }

    /** The cells of the rectangle between two cells of the same table, in row-then-column order; empty if invalid. */
    public static Optional<List<String>> range(Map<String, CellDefinition> cells, String from, String to) {
        CellDefinition start = cells.get(from);
        CellDefinition end = cells.get(to);
        if (start == null || end == null || start.table() != end.table() || start.fiche() != end.fiche()) {
            return Optional.empty();
        }
        TableDefinition table = start.table();
        List<String> rows = table.rowCodes();
        List<String> columns = table.columns().stream().map(c -> c.code()).toList();
        int firstRow = rows.indexOf(start.row());
        int lastRow = rows.indexOf(end.row());
        int firstColumn = columns.indexOf(start.column().code());
        int lastColumn = columns.indexOf(end.column().code());
        if (firstRow > lastRow || firstColumn > lastColumn) {
            return Optional.empty();
        }
        List<String> range = new ArrayList<>();
        for (String row : rows.subList(firstRow, lastRow + 1)) {
            for (String column : columns.subList(firstColumn, lastColumn + 1)) {
                range.add(QuestionnaireDefinition.cellCode(start.fiche().code(), row, column));
            }
        }
        return Optional.of(range);
    }

    /** One column of every possible row of a repeating table; empty when there is no such table or column. */
    public static Optional<List<String>> everyRow(Map<String, CellDefinition> cells, String fiche, String table,
                                                  String column) {
        return cells.values().stream().map(CellDefinition::fiche).filter(f -> f.code().equals(fiche)).findFirst()
                .map(FicheDefinition::tables).flatMap(tables -> tables.stream()
                        .filter(t -> t.repeating() && t.code().equals(table)).findFirst())
                .filter(t -> t.columns().stream().anyMatch(c -> c.code().equals(column)))
                .map(t -> t.rowCodes().stream().map(row -> QuestionnaireDefinition.cellCode(fiche, row, column))
                        .toList());
    }
}
