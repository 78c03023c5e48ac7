package org.liasse.api.attachment;

import java.util.List;

/**
 * What the exchange space accepts: the allowed kinds of file and the size limits.
 *
 * @param maxFileBytes    largest accepted file, in bytes
 * @param maxDossierBytes total size of the files of one dossier, in bytes
 * @param maxFiles        number of files of one dossier
 * @param kinds           accepted kinds of file, in display order
 */
public record AttachmentRules(long maxFileBytes, long maxDossierBytes, int maxFiles, List<Kind> kinds) {

    /** Defensive copy. */
    public AttachmentRules {
        kinds = List.copyOf(kinds);
    }

    /**
     * An accepted kind of file.
     *
     * @param label      French label, e.g. « Classeur Excel (XLSX) »
     * @param mediaType  media type the content must have
     * @param extensions file name extensions (lower case, without the dot) that announce this kind
     */
    public record Kind(String label, String mediaType, List<String> extensions) {

        /** Defensive copy. */
        public Kind {
            extensions = List.copyOf(extensions);
        }
    }
}
