package org.liasse.peer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    private final ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(5));
    private final Instant now = Instant.parse("2026-05-31T10:00:00Z");

    @Test
    void aSignedRequestIsAcceptedOnceWithinTheWindow() {
        String date = now.toString();
        assertTrue(guard.first("oph", date, "r-1", now));
        assertFalse(guard.first("oph", date, "r-1", now.plusSeconds(30)), "the same request, replayed");
        assertTrue(guard.first("oph", now.plusSeconds(1).toString(), "r-1", now.plusSeconds(30)),
            "a retry signs again at another time");
        assertTrue(guard.first("esh", date, "r-1", now.plusSeconds(30)), "another server's request id");
    }

    @Test
    void requestsOlderThanTheWindowAreForgotten() {
        assertTrue(guard.first("oph", now.toString(), "r-1", now));
        Instant later = now.plus(Duration.ofMinutes(11));
        assertTrue(guard.first("oph", later.toString(), "r-2", later));
        assertTrue(guard.first("oph", now.toString(), "r-1", later),
            "forgotten: its time is outside the skew window, which refuses it anyway");
    }
}
