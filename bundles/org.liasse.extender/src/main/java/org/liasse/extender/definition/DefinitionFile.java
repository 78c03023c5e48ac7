package org.liasse.extender.definition;

import java.util.Objects;

/**
 * A file read from a plugin bundle, handed to the {@link DefinitionLoader}.
 * The content array is owned by the record and must not be modified afterwards.
 *
 * @param path    path relative to the bundle root, e.g. {@code META-INF/liasse/questionnaires/er-2025.json}
 * @param content raw bytes of the file
 */
public record DefinitionFile(String path, byte[] content) {

    /** Rejects null components. */
    public DefinitionFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
