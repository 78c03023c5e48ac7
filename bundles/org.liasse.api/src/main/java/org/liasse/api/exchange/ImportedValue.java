package org.liasse.api.exchange;

/**
 * One value read from an imported file, with where it was.
 *
 * @param line   1-based line (CSV, XML) or row (XLSX)
 * @param column 1-based column of the value
 * @param key    the key as written in the file (a cell code for the built-in mapping)
 * @param cell   the cell the mapping gives for the key
 * @param value  the value as written, an empty text clearing the cell
 */
public record ImportedValue(int line, int column, String key, String cell, String value) {
}
