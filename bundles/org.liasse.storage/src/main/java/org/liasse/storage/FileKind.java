package org.liasse.storage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.liasse.api.attachment.AttachmentRules;

/**
 * The kinds of file the exchange space accepts. Each has the media type its content must be detected as
 * ({@link ContentInspector}), the media type it is served with, and the extensions that announce it.
 */
enum FileKind {

    PDF("Document PDF", "application/pdf", "application/pdf", "pdf"),
    XLSX("Classeur Excel (XLSX)", ContentInspector.XLSX, ContentInspector.XLSX, "xlsx"),
    DOCX("Document Word (DOCX)", ContentInspector.DOCX, ContentInspector.DOCX, "docx"),
    ODS("Classeur OpenDocument (ODS)", ContentInspector.ODS, ContentInspector.ODS, "ods"),
    ODT("Document OpenDocument (ODT)", ContentInspector.ODT, ContentInspector.ODT, "odt"),
    CSV("Fichier CSV", ContentInspector.TEXT, "text/csv", "csv"),
    TEXT("Texte brut", ContentInspector.TEXT, "text/plain", "txt"),
    PNG("Image PNG", "image/png", "image/png", "png"),
    JPEG("Image JPEG", "image/jpeg", "image/jpeg", "jpg", "jpeg");

    private final String label;
    private final String contentType;
    private final String mediaType;
    private final List<String> extensions;

    FileKind(String label, String contentType, String mediaType, String... extensions) {
        this.label = label;
        this.contentType = contentType;
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    /** French label. */
    String label() {
        return label;
    }

    /** What {@link ContentInspector} must find in the content. */
    String contentType() {
        return contentType;
    }

    /** Media type the file is served with. */
    String mediaType() {
        return mediaType;
    }

    /** The kind a file name extension announces. */
    static Optional<FileKind> byExtension(String extension) {
        return Arrays.stream(values()).filter(kind -> kind.extensions.contains(extension)).findFirst();
    }

    /** The first kind whose content is of this type. */
    static Optional<FileKind> byContent(String contentType) {
        return Arrays.stream(values()).filter(kind -> kind.contentType.equals(contentType)).findFirst();
    }

    /** Every extension, each with its dot, for messages: {@code .pdf, .xlsx, …}. */
    static String allExtensions() {
        return String.join(", ", Arrays.stream(values()).flatMap(kind -> kind.extensions.stream()).map(e -> "." + e).toList());
    }

    /** The kinds as the API describes them. */
    static List<AttachmentRules.Kind> describe() {
        return Arrays.stream(values()).map(kind -> new AttachmentRules.Kind(kind.label, kind.mediaType, kind.extensions)).toList();
    }
}
