package org.liasse.api.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A questionnaire version declared by a plugin.
 * Cells are addressed by the stable code {@code FICHE.ROW.COLUMN}.
 *
 * @param code     questionnaire code, e.g. {@code ER}
 * @param version  questionnaire version, e.g. {@code 2025.1}
 * @param title    French title
 * @param years    campaign years this version applies to
 * @param fiches   fiches in display order
 * @param location where it was declared
 */
public record QuestionnaireDefinition(String code, String version, String title, List<Integer> years,
                                      List<FicheDefinition> fiches, SourceLocation location) {

    /** Defensive copies. */
    public QuestionnaireDefinition {
        years = List.copyOf(years);
        fiches = List.copyOf(fiches);
    }

    /** Every cell of the questionnaire, by code, in display order. */
    public Map<String, ColumnDefinition> cells() {
        Map<String, ColumnDefinition> cells = new LinkedHashMap<>();
        for (FicheDefinition fiche : fiches) {
            for (TableDefinition table : fiche.tables()) {
                for (RowDefinition row : table.rows()) {
                    for (ColumnDefinition column : table.columns()) {
                        cells.put(cellCode(fiche.code(), row.code(), column.code()), column);
                    }
                }
            }
        }
        return cells;
    }

    /** The specification of one cell, if the code exists. */
    public Optional<ColumnDefinition> cell(String cellCode) {
        return Optional.ofNullable(cells().get(cellCode));
    }

    /** Builds the stable code of a cell. */
    public static String cellCode(String fiche, String row, String column) {
        return fiche + "." + row + "." + column;
    }
}
