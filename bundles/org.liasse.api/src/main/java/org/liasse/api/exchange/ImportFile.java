package org.liasse.api.exchange;

import java.util.List;

/**
 * What a file holds once read: its values, one per cell, and the problems of its form (format, columns, unknown keys,
 * cells given twice, formula injection…). The values are not yet checked against the questionnaire.
 *
 * @param lines    data lines read (XLSX rows, XML records), the header excluded
 * @param values   values in file order
 * @param problems problems in file order
 */
public record ImportFile(int lines, List<ImportedValue> values, List<ImportMessage> problems) {

    /** Defensive copies. */
    public ImportFile {
        values = List.copyOf(values);
        problems = List.copyOf(problems);
    }
}
