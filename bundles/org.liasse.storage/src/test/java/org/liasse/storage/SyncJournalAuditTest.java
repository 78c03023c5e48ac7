package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.peer.SyncEntry;

/** A sync log entry and the audit entry that goes with it are written together or not at all. */
class SyncJournalAuditTest {

    private static final SyncEntry REFUSAL = new SyncEntry(0, Instant.now(), SyncEntry.ANSWER, "bailleurs-nord", null,
        0, null, null, null, 0, null, "signature-invalide", "Signature invalide", 0);
    private static final AuditEvent REFUSED = new AuditEvent("serveur.refus", "serveur:bailleurs-nord", "pair", null,
        "serveur bailleurs-nord", "signature-invalide : Signature invalide");

    @TempDir
    Path dir;

    private JpaStore store;
    private JdbcAuditLog log;
    private JpaSyncJournal journal;

    @BeforeEach
    void database() throws SQLException {
        EmbeddedDataSource dataSource = Derby.empty(dir);
        store = Derby.store(dataSource);
        log = new JdbcAuditLog(dataSource, store);
        journal = new JpaSyncJournal(store, null);
    }

    @Test
    void aRecordedEntryHasItsAuditEntry() {
        journal.record(REFUSAL, REFUSED);

        assertEquals(List.of("signature-invalide"), journal.list(null, null, 10).stream().map(SyncEntry::result)
            .toList());
        assertEquals(List.of("serveur.refus"), log.list(null, 10).stream().map(e -> e.event().action()).toList());
        assertTrue(log.verify().intact());
    }

    @Test
    void anEntryWhoseAuditEntryCannotBeWrittenIsNotRecorded() {
        store.inJdbcTransaction(c -> c.createStatement().executeUpdate("RENAME TABLE audit_entry TO audit_ailleurs"));

        assertThrows(RuntimeException.class, () -> journal.record(REFUSAL, REFUSED));

        assertEquals(List.of(), journal.list(null, null, 10), "the sync log entry was rolled back with it");
    }

    @Test
    void anEntryWithAnInvalidAuditEventIsNotRecorded() {
        assertThrows(IllegalArgumentException.class, () -> journal.record(REFUSAL, new AuditEvent("serveur.refus",
            "serveur:bailleurs-nord", "pair", "pas-un-siren", "serveur bailleurs-nord", null)));

        assertEquals(List.of(), journal.list(null, null, 10));
        assertEquals(List.of(), log.list(null, 10));
    }
}
