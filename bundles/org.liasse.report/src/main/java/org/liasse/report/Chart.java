package org.liasse.report;

import java.math.BigDecimal;
import java.util.List;

import org.liasse.api.definition.ReportChart;

/**
 * A chart of a report table, with the same figures as the table (its accessible equivalent).
 *
 * @param kind       bars or lines
 * @param categories labels along the horizontal axis
 * @param series     the plotted series, one value per category ({@code null}: no value)
 * @param unit       unit of the vertical axis, empty when none
 */
record Chart(ReportChart kind, List<String> categories, List<Series> series, String unit) {

    /** One plotted series. */
    record Series(String name, List<BigDecimal> values) {
    }
}
