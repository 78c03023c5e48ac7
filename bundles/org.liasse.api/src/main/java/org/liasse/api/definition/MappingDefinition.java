package org.liasse.api.definition;

import java.util.Map;

/**
 * How the export of a management software maps onto the cells of a questionnaire, declared in
 * {@code META-INF/liasse/mappings/*.json}. CSV and XLSX files are read by header names, XML files by record
 * elements carrying a key attribute and the value as text.
 *
 * @param code          stable code of the mapping
 * @param title         French title shown in the import wizard
 * @param questionnaire code of the questionnaire it fills
 * @param keyColumn     CSV/XLSX header of the column holding the key
 * @param valueColumn   CSV/XLSX header of the column holding the value
 * @param xmlRecord     XML element name of one record
 * @param xmlKey        XML attribute of a record holding the key
 * @param cells         external key to cell code; empty when keys are cell codes already
 * @param location      where it was declared, {@code null} for the built-in mapping
 */
public record MappingDefinition(String code, String title, String questionnaire, String keyColumn, String valueColumn,
                                String xmlRecord, String xmlKey, Map<String, String> cells, SourceLocation location) {

    /** Code of the built-in mapping, whose keys are cell codes. */
    public static final String BUILT_IN = "LIASSE";

    /** Defensive copy. */
    public MappingDefinition {
        cells = Map.copyOf(cells);
    }

    /** The built-in mapping of a questionnaire: columns {@code cellule;valeur}, XML {@code <cellule code="…">}. */
    public static MappingDefinition builtIn(String questionnaire) {
        return new MappingDefinition(BUILT_IN, "Format Liasse (code de cellule, valeur)", questionnaire,
            "cellule", "valeur", "cellule", "code", Map.of(), null);
    }

    /** The cell a key designates, or {@code null} when the mapping does not know the key. */
    public String cellFor(String key) {
        return cells.isEmpty() ? key : cells.get(key);
    }
}
