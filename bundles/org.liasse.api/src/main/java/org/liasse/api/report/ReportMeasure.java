package org.liasse.api.report;

/**
 * What a report shows of an aggregate or a cell.
 *
 * @param code  aggregate or cell code
 * @param label French label
 * @param unit  unit shown beside the values (e.g. {@code €}, {@code %}), empty when none
 */
public record ReportMeasure(String code, String label, String unit) {

    /** Empty unit when none is given. */
    public ReportMeasure {
        unit = unit == null ? "" : unit;
    }
}
