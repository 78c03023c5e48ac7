package org.liasse.api.exchange;

/**
 * A cell an import changes (or would change).
 *
 * @param line   line of the file it comes from
 * @param cell   cell code
 * @param before canonical value stored now, {@code null} when empty
 * @param after  value of the file, {@code null} when the file clears the cell
 */
public record CellUpdate(int line, String cell, String before, String after) {
}
