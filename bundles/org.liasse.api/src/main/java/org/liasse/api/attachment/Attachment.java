package org.liasse.api.attachment;

import java.time.Instant;

/**
 * A file attached to a dossier. Only its metadata: the content is read with {@link AttachmentService#open}.
 *
 * @param id         identifier, unique across dossiers
 * @param dossierId  dossier it belongs to
 * @param name       file name as given at upload, sanitised (no path, no control character)
 * @param mediaType  media type detected from the content, never the one claimed by the client
 * @param size       size in bytes
 * @param sha256     SHA-256 of the content (hex)
 * @param uploadedBy login of who uploaded it
 * @param uploadedAt when it was uploaded
 */
public record Attachment(long id, long dossierId, String name, String mediaType, long size, String sha256,
                         String uploadedBy, Instant uploadedAt) {
}
