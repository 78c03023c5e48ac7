package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.liasse.api.error.TooManyRequestsException;

class PublicWriteLimitTest {

    /** A clock the test moves. */
    private static final class Hand extends Clock {
        private Instant now = Instant.parse("2026-05-31T10:00:20Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hand clock = new Hand();
    private final PublicWriteLimit limit = new PublicWriteLimit(3, clock);

    @Test
    void anAddressGetsItsWritesPerMinuteThenWaitsForTheNextMinute() {
        for (int i = 0; i < 3; i++) {
            limit.count("203.0.113.7");
        }
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class,
            () -> limit.count("203.0.113.7"));
        assertEquals("trop-de-demandes", refused.code());
        assertEquals(40, refused.retryAfterSeconds());
        limit.count("198.51.100.1");
        clock.now = clock.now.plusSeconds(40);
        limit.count("203.0.113.7");
    }

    @Test
    void noLimitWhenSetToZero() {
        PublicWriteLimit none = new PublicWriteLimit(0, clock);
        for (int i = 0; i < 10_000; i++) {
            none.count("203.0.113.7");
        }
    }
}
