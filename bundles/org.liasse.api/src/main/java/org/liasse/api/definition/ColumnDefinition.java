package org.liasse.api.definition;

import java.math.BigDecimal;
import java.util.List;

/**
 * A column of a table; every cell of the column shares its field specification.
 *
 * @param code      stable code, unique within its table
 * @param label     French label
 * @param type      field type
 * @param scale     digits after the decimal point for decimal types, else 0
 * @param maxLength maximum length of a text value, 0 when not a text
 * @param required  whether a value must be entered (a filled cell cannot be cleared; an empty one leaves its fiche
 *                  incomplete)
 * @param codes     allowed values of a {@link FieldType#CODE} column, else empty
 * @param unit      unit shown beside the value (e.g. {@code €}, {@code m²}), empty when none
 * @param help      French help text, empty when none
 * @param min       smallest allowed number, {@code null} when unbounded
 * @param max       largest allowed number, {@code null} when unbounded
 * @param formula   expression computing every cell of the column from cells of the same row ({@code @CODE}), or
 *                  {@code null}; see {@link QuestionnaireDefinition#computed()}
 * @param carryOver whether a new dossier starts with the values of the column in the organisation's dossier of the
 *                  previous campaign (identification, lists that rarely change)
 */
public record ColumnDefinition(String code, String label, FieldType type, int scale, int maxLength,
                               boolean required, List<String> codes, String unit, String help,
                               BigDecimal min, BigDecimal max, String formula, boolean carryOver) {

    /** Defensive copy of the code list. */
    public ColumnDefinition {
        codes = List.copyOf(codes);
        unit = unit == null ? "" : unit;
        help = help == null ? "" : help;
    }

    /** A plain entered column without unit, help, bounds or formula. */
    public static ColumnDefinition of(String code, String label, FieldType type, int scale, int maxLength,
                                      boolean required, List<String> codes) {
        return new ColumnDefinition(code, label, type, scale, maxLength, required, codes, "", "", null, null, null,
            false);
    }
}
