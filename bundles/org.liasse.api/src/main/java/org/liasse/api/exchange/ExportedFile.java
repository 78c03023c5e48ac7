package org.liasse.api.exchange;

/**
 * An exported dossier, ready to download.
 *
 * @param name      suggested file name, e.g. {@code dossier-12-QDIS-2025.csv}
 * @param mediaType media type of the content
 * @param content   the file
 */
public record ExportedFile(String name, String mediaType, byte[] content) {
}
