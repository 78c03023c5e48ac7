package org.liasse.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.persistence.EntityManager;

/**
 * Temporary lockout after repeated failed sign-ins, stored in {@code login_failure} so that it survives a restart:
 * {@code attempts} failures within {@code window} lock the key for {@code window}. Keys name an account, a login
 * that matches no account (counted the same way, so that a lockout reveals nothing) or a client address.
 */
final class LoginThrottle {

    private final int attempts;
    private final Duration window;

    LoginThrottle(int attempts, Duration window) {
        this.attempts = attempts;
        this.window = window;
    }

    /** The key of an account's counter: the same whatever the case its login was typed in. */
    static String account(long id) {
        return "account:" + id;
    }

    /**
     * The key of a login that matches no account: its hash, so that the key has a fixed length whatever was typed,
     * and what strangers type is not kept in clear.
     */
    static String unknownLogin(String loginKey) {
        return "login:" + Secrets.hash(loginKey);
    }

    /** The key of a client address. */
    static String address(String remoteAddress) {
        return "ip:" + remoteAddress;
    }

    /** Time to wait before the key may try again, if it is locked. */
    Optional<Duration> locked(EntityManager em, String key, Instant now) {
        return Optional.ofNullable(em.find(LoginFailureEntity.class, key)).flatMap(f -> f.lockedFor(now));
    }

    /** Counts a failure; returns whether this failure locked the key. */
    boolean failed(EntityManager em, String key, Instant now) {
        LoginFailureEntity failure = em.find(LoginFailureEntity.class, key);
        if (failure == null) {
            failure = new LoginFailureEntity(key, now);
            em.persist(failure);
        }
        return failure.fail(attempts, window, now);
    }

    /** Forgets a key's failures after a successful sign-in. */
    void succeeded(EntityManager em, String key) {
        Optional.ofNullable(em.find(LoginFailureEntity.class, key)).ifPresent(em::remove);
    }
}
