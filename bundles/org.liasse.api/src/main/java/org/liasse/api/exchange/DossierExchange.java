package org.liasse.api.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.liasse.api.definition.MappingDefinition;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes the files of the exchange formats, safely: size limits, zip bomb protection, content that must
 * match the announced format, no DTD nor external entity, formula injection refused on import and neutralised on
 * export. Knows nothing of dossiers or storage.
 */
@ProviderType
public interface DossierExchange {

    /**
     * Reads a file through a mapping. Never throws for bad content: every problem is reported with its line,
     * column, stable code and French message.
     */
    ImportFile read(ExchangeFormat format, InputStream content, MappingDefinition mapping);

    /** Writes cells in the built-in layout ({@code cellule}, {@code valeur}), in the given order. */
    void write(ExchangeFormat format, List<ExportedCell> cells, OutputStream out) throws IOException;

    /**
     * Writes a table as CSV or XLSX (not XML): a line of headers, then one line per row. In a row, a {@link Number}
     * is written as a number, {@code null} as an empty cell, anything else as its text neutralised against formula
     * injection. {@code title} names the XLSX sheet.
     */
    void writeTable(ExchangeFormat format, String title, List<String> headers, List<List<Object>> rows, OutputStream out)
        throws IOException;

    /**
     * Writes tables as one XLSX workbook, one sheet per table in order, with the rules of {@link #writeTable}.
     * Rows are flushed to a temporary file as they are written, so a large workbook does not stay in memory.
     */
    void writeWorkbook(List<ExportedSheet> sheets, OutputStream out) throws IOException;
}
