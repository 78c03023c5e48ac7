package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.liasse.api.attachment.Attachment;

/** Row of {@code attachment}: a file of a dossier's exchange space; its content is on disk under the storage key. */
@Entity
@Table(name = "attachment")
public class AttachmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "dossier_id")
    private long dossierId;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "media_type")
    private String mediaType;

    @Column(name = "size_bytes")
    private long size;

    @Column(name = "sha256")
    private String sha256;

    @Column(name = "storage_key")
    private String storageKey;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @Column(name = "uploaded_at")
    private Timestamp uploadedAt;

    @Column(name = "deleted_by")
    private String deletedBy;

    @Column(name = "deleted_at")
    private Timestamp deletedAt;

    protected AttachmentEntity() {
    }

    AttachmentEntity(long dossierId, String fileName, String mediaType, long size, String sha256, String storageKey,
                     String uploadedBy, Instant uploadedAt) {
        this.dossierId = dossierId;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Timestamp.from(uploadedAt);
    }

    long id() {
        return id;
    }

    String storageKey() {
        return storageKey;
    }

    boolean deleted() {
        return deletedAt != null;
    }

    void markDeleted(String by, Instant at) {
        this.deletedBy = by;
        this.deletedAt = Timestamp.from(at);
    }

    Attachment toRecord() {
        return new Attachment(id, dossierId, fileName, mediaType, size, sha256, uploadedBy, uploadedAt.toInstant());
    }
}
