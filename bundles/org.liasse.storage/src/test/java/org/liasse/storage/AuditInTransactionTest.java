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
import org.liasse.api.audit.AuditEntry;
import org.liasse.api.audit.AuditEvent;

/** An audit entry lives and dies with the change it records: both are in the same transaction. */
class AuditInTransactionTest {

    @TempDir
    Path dir;

    private JpaStore store;
    private JdbcAuditLog log;

    @BeforeEach
    void database() throws SQLException {
        EmbeddedDataSource dataSource = Derby.empty(dir);
        store = Derby.store(dataSource);
        log = new JdbcAuditLog(dataSource, store);
    }

    @Test
    void aChangeRolledBackAfterItsAuditEntryLeavesNeitherBehind() {
        log.record(new AuditEvent("avant", "systeme", null, null, null, null));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> store.inTransaction(em -> {
            em.persist(new LoginFailureEntity("ip:192.0.2.1", Instant.now()));
            JdbcAuditLog.append(em, new AuditEvent("changement", "test", null, null, "ip:192.0.2.1", null));
            throw new IllegalStateException("panne forcée après l'écriture au journal");
        }));
        assertEquals("panne forcée après l'écriture au journal", failure.getMessage());

        assertEquals(0L, count("login_failure"), "the change was rolled back");
        assertEquals(List.of("avant"), actions(), "and its audit entry with it");
        assertTrue(log.verify().intact());
    }

    @Test
    void aCommittedChangeAlwaysHasItsEntryAndTheChainStaysIntact() {
        AuditEntry entry = store.inTransaction(em -> {
            em.persist(new LoginFailureEntity("ip:192.0.2.2", Instant.now()));
            return JdbcAuditLog.append(em, new AuditEvent("changement", "test", null, null, "ip:192.0.2.2", null));
        });
        log.record(new AuditEvent("après", "systeme", null, null, null, null));

        assertEquals(1L, count("login_failure"));
        assertEquals(List.of("après", "changement"), actions());
        assertEquals(1, entry.sequence());
        assertTrue(log.verify().intact());
    }

    @Test
    void plainJdbcWorkRolledBackAfterItsAuditEntryLeavesNoEntry() {
        assertThrows(IllegalStateException.class, () -> store.inJdbcTransaction(connection -> {
            JdbcAuditLog.append(connection, new AuditEvent("changement", "test", null, null, null, null));
            throw new IllegalStateException("panne forcée après l'écriture au journal");
        }));
        assertEquals(List.of(), actions());
    }

    private long count(String table) {
        return Derby.count(store, table);
    }

    private List<String> actions() {
        return Derby.actions(log);
    }
}
