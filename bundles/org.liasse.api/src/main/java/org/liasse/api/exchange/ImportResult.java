package org.liasse.api.exchange;

import java.util.List;

/**
 * Outcome of a dossier import, dry run or applied.
 *
 * @param mapping  code of the mapping used
 * @param format   format of the file
 * @param lines    data lines read
 * @param problems every problem, sorted by line then column; an import with problems is never applied
 * @param changes  cells whose value changes (or would change), in file order
 * @param ignored  lines read but not imported, e.g. computed cells, which the platform recomputes
 * @param applied  whether the changes were stored
 * @param revision revision of the dossier after the import (its ETag), or when it was checked
 */
public record ImportResult(String mapping, ExchangeFormat format, int lines, List<ImportMessage> problems,
                           List<CellUpdate> changes, List<ImportMessage> ignored, boolean applied, long revision) {

    /** Defensive copies. */
    public ImportResult {
        problems = List.copyOf(problems);
        changes = List.copyOf(changes);
        ignored = List.copyOf(ignored);
    }
}
