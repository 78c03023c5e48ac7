package org.liasse.report;

import java.util.List;

/**
 * A table of a report: what both the PDF and the XLSX show of a section (one sheet each in XLSX).
 *
 * @param title   French title
 * @param headers column headers
 * @param rows    lines: texts, {@link Figure}s or {@code null} for an empty cell
 * @param chart   its chart, {@code null} when none
 */
record Table(String title, List<String> headers, List<List<Object>> rows, Chart chart) {
}
