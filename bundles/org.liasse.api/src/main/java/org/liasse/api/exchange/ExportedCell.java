package org.liasse.api.exchange;

/**
 * One filled cell written to an exported file.
 *
 * @param cell   cell code
 * @param value  canonical value (decimals in plain notation, dates ISO-8601)
 * @param number whether the value is a number (written as a number in XLSX, never neutralised)
 */
public record ExportedCell(String cell, String value, boolean number) {
}
