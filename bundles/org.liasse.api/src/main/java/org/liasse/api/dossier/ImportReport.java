package org.liasse.api.dossier;

import java.util.List;

/**
 * Outcome of an organisation list import, dry run or applied.
 *
 * @param applied whether the changes were stored (never when there are errors)
 * @param lines   data lines read
 * @param created organisations that are (or would be) created
 * @param updated organisations that are (or would be) updated
 * @param errors  one entry per problem, with line and column
 */
public record ImportReport(boolean applied, int lines, int created, int updated, List<LineError> errors) {

    /** Defensive copy. */
    public ImportReport {
        errors = List.copyOf(errors);
    }

    /**
     * A problem on one line.
     *
     * @param line    1-based line number in the file (the header is line 1)
     * @param column  column name
     * @param code    stable error code
     * @param message French message
     */
    public record LineError(int line, String column, String code, String message) {
    }
}
