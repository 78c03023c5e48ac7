package org.liasse.report;

import java.math.BigDecimal;

/**
 * A number of a report table with its unit: written as a number in XLSX, formatted the French way in PDF.
 *
 * @param value exact value
 * @param unit  unit, empty when none
 */
record Figure(BigDecimal value, String unit) {

    /** The figure of a value, or {@code null} (an empty cell) when there is none. */
    static Figure of(BigDecimal value, String unit) {
        return value == null ? null : new Figure(value, unit);
    }
}
