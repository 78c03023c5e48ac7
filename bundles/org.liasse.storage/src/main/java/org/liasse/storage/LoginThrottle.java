package org.liasse.storage;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Temporary lockout after repeated failed sign-ins, per login and per client address: {@code attempts} failures
 * within {@code window} lock the key until the window has passed. Successful sign-ins consume nothing, so a
 * legitimate user is never slowed down by others' failures on another key.
 */
final class LoginThrottle {

    private final long attempts;
    private final Duration window;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    LoginThrottle(long attempts, Duration window) {
        this.attempts = attempts;
        this.window = window;
    }

    /** Time to wait before the key may try again, if it is locked. */
    Optional<Duration> locked(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Counts a failure; returns whether this failure locked the key. */
    boolean failed(String key) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(attempts).refillIntervally(attempts, window).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() && probe.getRemainingTokens() == 0;
    }

    /** Forgets a key after a successful sign-in. */
    void succeeded(String key) {
        buckets.remove(key);
    }
}
