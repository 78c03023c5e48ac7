package org.liasse.peer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the signed requests accepted within the clock-skew window, so that each is accepted once: a request
 * replayed as it was (same server, time and request id, which its signature covers) is refused. A request older than
 * the window is refused for its time anyway, so entries are dropped once they leave it. Only requests whose
 * signature was verified are remembered: a stranger cannot fill it.
 */
final class ReplayGuard {

    private final Duration window;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private Instant nextPurge = Instant.MIN;

    ReplayGuard(Duration skew) {
        this.window = skew.multipliedBy(2);
    }

    /** Whether this signed request is seen for the first time; remembers it. */
    boolean first(String server, String date, String requestId, Instant now) {
        purge(now);
        return seen.putIfAbsent(server + "\n" + date + "\n" + requestId, now) == null;
    }

    private synchronized void purge(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        Instant oldest = now.minus(window);
        seen.values().removeIf(at -> at.isBefore(oldest));
        nextPurge = now.plus(window.dividedBy(4));
    }
}
