package org.liasse.api.definition;

/**
 * Where a definition was declared inside a plugin bundle.
 *
 * @param file   path of the file inside the bundle, e.g. {@code META-INF/liasse/questionnaires/er.json}
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SourceLocation(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
