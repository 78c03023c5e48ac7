package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.liasse.api.identity.ApiToken;

/** Row of {@code credential}: a session, an API token or a one-time code, known only by the hash of its secret. */
@Entity
@Table(name = "credential")
public class CredentialEntity {

    /** What a credential is for. */
    enum Purpose {
        SESSION, API, ACTIVATION, RESET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "purpose")
    private String purpose;

    @Column(name = "label")
    private String label;

    @Column(name = "csrf_token")
    private String csrfToken;

    @Column(name = "created_at")
    private Timestamp createdAt;

    @Column(name = "expires_at")
    private Timestamp expiresAt;

    @Column(name = "last_used_at")
    private Timestamp lastUsedAt;

    @Column(name = "used_at")
    private Timestamp usedAt;

    protected CredentialEntity() {
    }

    CredentialEntity(String tokenHash, long userId, Purpose purpose, String label, String csrfToken, Instant now,
                     Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.purpose = purpose.name();
        this.label = label;
        this.csrfToken = csrfToken;
        this.createdAt = Timestamp.from(now);
        this.expiresAt = Timestamp.from(expiresAt);
    }

    long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String csrfToken() {
        return csrfToken;
    }

    Purpose purpose() {
        return Purpose.valueOf(purpose);
    }

    /** Usable now: not expired and, for one-time codes, not used yet. */
    boolean usable(Instant now) {
        return usedAt == null && expiresAt.toInstant().isAfter(now);
    }

    /** Whether the last use is older than the given instant. */
    boolean idleSince(Instant instant) {
        Instant last = lastUsedAt == null ? createdAt.toInstant() : lastUsedAt.toInstant();
        return last.isBefore(instant);
    }

    void touch(Instant now) {
        this.lastUsedAt = Timestamp.from(now);
    }

    void consume(Instant now) {
        this.usedAt = Timestamp.from(now);
    }

    Instant createdAt() {
        return createdAt.toInstant();
    }

    ApiToken toApiToken() {
        return new ApiToken(id, label, createdAt.toInstant(), expiresAt.toInstant(),
            lastUsedAt == null ? null : lastUsedAt.toInstant());
    }
}
