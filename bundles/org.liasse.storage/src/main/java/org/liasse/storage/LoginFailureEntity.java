package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of {@code login_failure}: the failed sign-ins of an account, an unknown login or a client address. */
@Entity
@Table(name = "login_failure")
public class LoginFailureEntity {

    @Id
    @Column(name = "throttle_key")
    private String key;

    @Column(name = "failures")
    private int failures;

    @Column(name = "window_started_at")
    private Timestamp windowStartedAt;

    @Column(name = "locked_until")
    private Timestamp lockedUntil;

    protected LoginFailureEntity() {
    }

    LoginFailureEntity(String key, Instant now) {
        this.key = key;
        this.windowStartedAt = Timestamp.from(now);
    }

    /** Time left before the key may try again, if it is locked. */
    Optional<Duration> lockedFor(Instant now) {
        return lockedUntil == null || !lockedUntil.toInstant().isAfter(now) ? Optional.empty()
            : Optional.of(Duration.between(now, lockedUntil.toInstant()));
    }

    /**
     * Counts a failure in the current window, or starts a new window when the last one has passed; the failure that
     * reaches {@code attempts} locks the key for {@code window}. Returns whether this failure locked it.
     */
    boolean fail(int attempts, Duration window, Instant now) {
        if (!windowStartedAt.toInstant().plus(window).isAfter(now)) {
            windowStartedAt = Timestamp.from(now);
            failures = 0;
            lockedUntil = null;
        }
        failures++;
        if (failures == attempts) {
            lockedUntil = Timestamp.from(now.plus(window));
            return true;
        }
        return false;
    }
}
