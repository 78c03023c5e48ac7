package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of {@code password_reset_request}: a reset asked for and not handled yet. */
@Entity
@Table(name = "password_reset_request")
public class ResetRequestEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "identifier")
    private String identifier;

    @Column(name = "remote_address")
    private String remoteAddress;

    @Column(name = "requested_at")
    private Timestamp requestedAt;

    @Column(name = "attempts")
    private int attempts;

    @Column(name = "next_attempt_at")
    private Timestamp nextAttemptAt;

    protected ResetRequestEntity() {
    }

    ResetRequestEntity(String identifier, String remoteAddress, Instant now) {
        this.identifier = identifier;
        this.remoteAddress = remoteAddress;
        this.requestedAt = Timestamp.from(now);
        this.nextAttemptAt = Timestamp.from(now);
    }

    long id() {
        return id;
    }

    String identifier() {
        return identifier;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    int attempts() {
        return attempts;
    }

    /** Counts a failed attempt and puts the next one off by {@code delay}. */
    void failed(Instant now, Duration delay) {
        attempts++;
        nextAttemptAt = Timestamp.from(now.plus(delay));
    }
}
