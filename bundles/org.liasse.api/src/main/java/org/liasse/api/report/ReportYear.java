package org.liasse.api.report;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The measures of one organisation's dossier for one campaign year.
 *
 * @param year   campaign year
 * @param values measure code to exact value; a measure that is empty (or could not be computed) is absent
 */
public record ReportYear(int year, Map<String, BigDecimal> values) {

    /** Unmodifiable copy without empty values. */
    public ReportYear {
        Map<String, BigDecimal> copy = new HashMap<>();
        values.forEach((code, value) -> {
            if (value != null) {
                copy.put(code, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** One measure's value, {@code null} when empty. */
    public BigDecimal value(String code) {
        return values.get(code);
    }
}
