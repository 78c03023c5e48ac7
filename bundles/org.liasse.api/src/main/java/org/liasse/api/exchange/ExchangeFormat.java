package org.liasse.api.exchange;

import java.util.Locale;
import java.util.Optional;

/** The file formats a dossier is imported from and exported to. */
public enum ExchangeFormat {
    /** UTF-8 text (with or without byte order mark), separated by {@code ;} or {@code ,}. */
    CSV("text/csv; charset=UTF-8", "csv"),
    /** Office Open XML workbook; the first sheet is read. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** XML records holding the key in an attribute and the value as text. */
    XML("application/xml; charset=UTF-8", "xml");

    private final String mediaType;
    private final String extension;

    ExchangeFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** Media type of an exported file. */
    public String mediaType() {
        return mediaType;
    }

    /** File name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format named {@code csv}, {@code xlsx} or {@code xml} (any case), if it is one. */
    public static Optional<ExchangeFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ExchangeFormat format : values()) {
            if (format.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
