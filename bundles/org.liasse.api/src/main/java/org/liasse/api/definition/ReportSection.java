package org.liasse.api.definition;

import java.util.List;
import java.util.stream.Stream;

/**
 * One section of a declared report: a table of measures (aggregates, then cells), possibly with a chart of them.
 *
 * @param kind       what the section computes from its measures
 * @param title      French title
 * @param aggregates codes of the aggregates it shows, in order
 * @param cells      codes of the (numeric) cells it shows after the aggregates, in order
 * @param groupings  for a campaign section: how organisations are grouped (a line for all of them always comes
 *                   first)
 * @param chart      the chart drawn beside its table, with the same figures
 */
public record ReportSection(ReportSectionKind kind, String title, List<String> aggregates, List<String> cells,
                            List<ReportGrouping> groupings, ReportChart chart) {

    /** Defensive copies; no chart when none is given. */
    public ReportSection {
        aggregates = List.copyOf(aggregates);
        cells = List.copyOf(cells);
        groupings = List.copyOf(groupings);
        chart = chart == null ? ReportChart.NONE : chart;
    }

    /** Codes of its measures: aggregates, then cells. */
    public List<String> measures() {
        return Stream.concat(aggregates.stream(), cells.stream()).toList();
    }
}
