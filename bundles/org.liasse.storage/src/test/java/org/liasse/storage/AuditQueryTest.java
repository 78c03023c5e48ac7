package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.liasse.api.audit.AuditFilter;

/** The SQL built for a filtered page of the audit log: placeholders only, parameters in order. */
class AuditQueryTest {

    private static final Instant FROM = Instant.parse("2026-05-31T22:00:00Z");
    private static final Instant TO = Instant.parse("2026-06-30T22:00:00Z");

    @Test
    void noFilterReadsOnePageOfEverything() {
        AuditQuery query = AuditQuery.of("seq", AuditFilter.of(null), 400, 200);

        assertEquals("SELECT seq FROM audit_entry ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", query.sql());
        assertEquals(List.of(400, 200), query.parameters());
        assertFalse(query.empty());
    }

    @Test
    void everyCriterionIsAPlaceholderInOrder() {
        AuditQuery query = AuditQuery.of("seq", new AuditFilter(Set.of("000000026", "000000018"), "camille'--",
            "droits.modifies", FROM, TO, 4_000_000_000L), -5, 50);

        assertEquals("SELECT seq FROM audit_entry WHERE siren IN (?, ?) AND actor = ? AND action = ?"
            + " AND recorded_at >= ? AND recorded_at < ? AND seq <= ? ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
            query.sql());
        assertEquals(List.of("000000018", "000000026", "camille'--", "droits.modifies", Timestamp.from(FROM),
            Timestamp.from(TO), 4_000_000_000L, 0, 50), query.parameters(), "a negative offset reads from the start");
    }

    @Test
    void noOrganisationOrNoRowMeansNothingToRead() {
        assertTrue(AuditQuery.of("seq", AuditFilter.of(Set.of()), 0, 10).empty());
        assertTrue(AuditQuery.of("seq", AuditFilter.of(null), 0, 0).empty());
    }
}
