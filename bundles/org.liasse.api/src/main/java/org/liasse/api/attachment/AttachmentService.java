package org.liasse.api.attachment;

import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The exchange space of dossiers: files uploaded by the organisation (e.g. a staff spreadsheet asked by a survey).
 * Each file is checked on its content against an allow-list, within size limits, and stored outside the web root
 * under a random name. Every upload, refusal, download and deletion is recorded in the audit log. Callers check
 * who may act on the dossier; every method only reaches files of the given dossier.
 */
@ProviderType
public interface AttachmentService {

    /** What the space accepts. */
    AttachmentRules rules();

    /** The files of a dossier and the room they take; 404 when the dossier does not exist. */
    AttachmentSpace list(long dossierId);

    /**
     * The revision of a dossier's files (their ETag): 1 at first, one more with each upload or deletion; 0 for an
     * unknown dossier.
     */
    long revision(long dossierId);

    /**
     * Stores a file. The content is read to its end (or to the size limit), checked, then stored and recorded in
     * one step: a refused or failed upload leaves neither a file nor a row behind.
     *
     * @param dossierId     dossier to attach to
     * @param fileName      name given by the client; only its last path segment is kept, sanitised
     * @param content       the bytes; not closed
     * @param actor         login of who uploads, for the record and the audit log
     * @param remoteAddress client address, for the audit log
     * @return the stored file
     * @throws org.liasse.api.error.LiasseException 413 when too large, 422 when empty, of a forbidden type, or of a
     *                                              content that its extension misrepresents, 409 when the campaign
     *                                              is not open or the dossier has passed data entry
     */
    Attachment store(long dossierId, String fileName, InputStream content, String actor, String remoteAddress);

    /**
     * Opens a file of the dossier for download and records the download in the audit log.
     *
     * @return the file and its content, to close after reading
     * @throws org.liasse.api.error.LiasseException 404 when the dossier has no such file
     */
    Download open(long dossierId, long attachmentId, String actor, String remoteAddress);

    /**
     * Deletes a file of the dossier: it leaves the list at once and its content is erased; the record of who
     * uploaded and deleted it stays, and the deletion is audited.
     *
     * @param expectedRevision the revision of the dossier's files the deletion was decided on
     * @throws org.liasse.api.error.LiasseException 404 when the dossier has no such file, 409 as for {@link #store},
     *                                              412 {@code revision-perimee} when the files changed since
     */
    void delete(long dossierId, long attachmentId, long expectedRevision, String actor, String remoteAddress);

    /**
     * A file opened for download.
     *
     * @param attachment the file
     * @param content    its bytes, to close after reading
     */
    record Download(Attachment attachment, InputStream content) {
    }
}
