package org.liasse.api.exchange;

import java.util.List;

/**
 * One sheet of an exported workbook.
 *
 * @param title   sheet name (cut and cleaned to what XLSX accepts)
 * @param headers the first line, in bold
 * @param rows    the lines below it: a {@link Number} is written as a number, {@code null} as an empty cell
 */
public record ExportedSheet(String title, List<String> headers, List<List<Object>> rows) {
}
