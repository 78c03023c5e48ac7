package org.liasse.api.exchange;

/**
 * A remark about one place of an imported file: a problem that prevents the import, or a line that is ignored.
 *
 * @param line    1-based line (CSV, XML) or row (XLSX) of the file; 0 when it is about the whole file
 * @param column  1-based column (CSV field, XLSX column, XML character); 0 when unknown
 * @param cell    cell code concerned, {@code null} when none
 * @param code    stable code, e.g. {@code injection-formule}
 * @param message French message
 */
public record ImportMessage(int line, int column, String cell, String code, String message) {
}
