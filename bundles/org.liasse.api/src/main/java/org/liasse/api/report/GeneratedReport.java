package org.liasse.api.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A report whose data has been read and checked, ready to be written: the download is recorded and every refusal
 * (unknown report, empty campaign…) has been raised before any byte is written.
 *
 * @param fileName file name to offer, e.g. {@code DIS-000000018-2025.pdf}
 * @param format   its format
 * @param body     writes the file
 */
public record GeneratedReport(String fileName, ReportFormat format, Body body) {

    /** Writes a report's bytes, streaming. */
    @FunctionalInterface
    public interface Body {

        /** Writes the whole file; does not close {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }
}
