package org.liasse.api.attachment;

import java.util.List;

/**
 * The exchange space of one dossier: its files, the room they take and the rules of the space.
 *
 * @param attachments the files, newest first
 * @param usedBytes   total size of the files
 * @param rules       what the space accepts
 */
public record AttachmentSpace(List<Attachment> attachments, long usedBytes, AttachmentRules rules) {

    /** Defensive copy. */
    public AttachmentSpace {
        attachments = List.copyOf(attachments);
    }
}
