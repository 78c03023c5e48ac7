package org.liasse.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.liasse.api.error.TooManyRequestsException;

/**
 * Limits the writes anyone may send without signing in (sign-in, password resets, activations, peer requests) per
 * client address, within fixed one-minute windows: beyond the limit, 429 with {@code Retry-After} until the window
 * ends. Counts are in memory and short-lived; what an attempt stores (failures, lockouts) stays bounded by it.
 */
final class PublicWriteLimit {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private record Window(long start, int count) {
    }

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastPurge;

    /** @param perMinute writes an address may send in a minute; 0 or less: no limit */
    PublicWriteLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one write from an address, or refuses it (429) when the address used up its minute. */
    void count(String address) {
        if (perMinute <= 0) {
            return;
        }
        long now = clock.millis();
        long minute = now - now % WINDOW.toMillis();
        purge(minute);
        Window window = windows.merge(address, new Window(minute, 1),
            (old, one) -> old.start() == minute ? new Window(minute, old.count() + 1) : one);
        if (window.count() > perMinute) {
            long retry = Math.max(1, (minute + WINDOW.toMillis() - now + 999) / 1000);
            throw new TooManyRequestsException("trop-de-demandes", "Trop de demandes sans connexion depuis votre "
                + "adresse : réessayez dans " + retry + " s.", retry);
        }
    }

    private void purge(long minute) {
        if (minute != lastPurge) {
            lastPurge = minute;
            windows.values().removeIf(window -> window.start() < minute);
        }
    }
}
