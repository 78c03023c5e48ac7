package org.liasse.api.definition;

import java.util.List;

/**
 * A column of a table; every cell of the column shares its field specification.
 *
 * @param code      stable code, unique within its table
 * @param label     French label
 * @param type      field type
 * @param scale     digits after the decimal point for decimal types, else 0
 * @param maxLength maximum length of a text value, 0 when not a text
 * @param required  whether a value must be entered
 * @param codes     allowed values of a {@link FieldType#CODE} column, else empty
 */
public record ColumnDefinition(String code, String label, FieldType type, int scale, int maxLength,
                               boolean required, List<String> codes) {

    /** Defensive copy of the code list. */
    public ColumnDefinition {
        codes = List.copyOf(codes);
    }
}
