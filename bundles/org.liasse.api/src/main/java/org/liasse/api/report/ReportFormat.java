package org.liasse.api.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a report is rendered to. */
public enum ReportFormat {
    /** A printable document with tables and vector charts. */
    PDF("application/pdf", "pdf"),
    /** A workbook: one sheet per section, numbers as numeric cells. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** Media type of the file. */
    public String mediaType() {
        return mediaType;
    }

    /** File name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format named {@code pdf} or {@code xlsx} (any case), if it is one. */
    public static Optional<ReportFormat> named(String name) {
        return Optional.ofNullable(name).map(n -> n.strip().toLowerCase(Locale.ROOT))
            .flatMap(wanted -> Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst());
    }
}
