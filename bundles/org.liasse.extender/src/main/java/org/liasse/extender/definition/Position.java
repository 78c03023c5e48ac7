package org.liasse.extender.definition;

/**
 * Where a token starts in a source file.
 *
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, in characters, 0 when unknown
 */
record Position(int line, int column) {
}
