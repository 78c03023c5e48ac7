package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.audit.AuditEntry;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditFilter;
import org.liasse.api.audit.AuditVerification;
import org.liasse.api.error.LiasseException;

/** The audit log over a real Derby database, tampered with in SQL the way someone with database access could. */
class JdbcAuditLogTest {

    private static final String OPH = "000000018";
    private static final String ESH = "000000026";

    @TempDir
    Path dir;

    private EmbeddedDataSource dataSource;
    private JdbcAuditLog log;

    @BeforeEach
    void database() throws SQLException {
        dataSource = Derby.migrated(dir);
        log = new JdbcAuditLog(dataSource, null);
    }

    @Test
    void appendsAndListsNewestFirst() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry first = log.record(new AuditEvent("connexion.reussie", "alice", "192.0.2.7", OPH, "alice", null));
        AuditEntry second = log.record(new AuditEvent("campagne.ouverte", "admin", "192.0.2.8", null, "2025", "{}"));
        AuditEntry third = log.record(new AuditEvent("PATCH /dossiers/{id}/values", "bob", null, ESH, "42", "3 cellules"));

        assertEquals(List.of(1L, 2L, 3L), List.of(first.sequence(), second.sequence(), third.sequence()));
        assertFalse(first.at().isBefore(before));
        assertEquals(first.at(), first.at().truncatedTo(ChronoUnit.MILLIS));
        assertEquals(List.of(third, second, first), log.list(null, 10), "read back exactly as recorded");
        assertEquals(List.of(third, second), log.list(null, 2));
        assertEquals(List.of(), log.list(null, 0));
        assertEquals(AuditChain.hash(AuditChain.GENESIS, 1, first.at(), first.event()), first.hash());
        assertEquals(AuditChain.hash(first.hash(), 2, second.at(), second.event()), second.hash());
    }

    @Test
    void filtersBySiren() {
        log.record(event(OPH, "1"));
        log.record(event(null, "2"));
        log.record(event(ESH, "3"));
        log.record(event(OPH, "4"));

        assertEquals(List.of(4L, 1L), sequences(log.list(Set.of(OPH), 10)));
        assertEquals(List.of(4L), sequences(log.list(Set.of(OPH), 1)));
        assertEquals(List.of(4L, 3L, 1L), sequences(log.list(Set.of(OPH, ESH), 10)));
        assertEquals(List.of(), log.list(Set.of(), 10), "no organisation, no entry");
        assertEquals(List.of(), log.list(Set.of("000000034"), 10));
        Set<String> withNull = new HashSet<>();
        withNull.add(null);
        assertEquals(List.of(), log.list(withNull, 10), "platform-wide entries only for everything");
        assertEquals(List.of(4L, 3L, 2L, 1L), sequences(log.list(null, 10)));
    }

    @Test
    void filtersByActorActionAndPeriodAndPagesPastTwoHundred() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 1; i <= 250; i++) {
            log.record(new AuditEvent(i % 2 == 0 ? "connexion.echouee" : "droits.modifies", i % 5 == 0 ? "camille" : "dominique",
                null, i % 10 == 0 ? ESH : OPH, "t", Integer.toString(i)));
        }
        Instant end = Instant.now().plusMillis(1);
        AuditFilter oph = AuditFilter.of(Set.of(OPH));

        assertEquals(LongStream.rangeClosed(1, 225).map(i -> 250 - i).filter(i -> i % 10 != 0).limit(200).boxed().toList(),
            sequences(log.list(oph, 0, 200)));
        assertEquals(List.of(11L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L), sequences(log.list(oph, 215, 200)),
            "the second page holds the 25 oldest OPH entries, of which the last ten");
        assertEquals(List.of(), log.list(oph, 225, 200));
        assertEquals(List.of(245L, 235L, 225L), sequences(log.list(
            new AuditFilter(Set.of(OPH), "camille", "droits.modifies", null, null), 0, 3)));
        assertEquals(List.of(250L, 240L), sequences(log.list(new AuditFilter(null, "camille", "connexion.echouee",
            start, end), 0, 2)), "the period holds every entry, platform-wide included");
        assertEquals(List.of(), log.list(new AuditFilter(null, null, null, end, null), 0, 10));
        assertEquals(List.of(), log.list(new AuditFilter(null, null, null, null, start), 0, 10));
        assertEquals(List.of(), log.list(new AuditFilter(Set.of(), null, null, null, null), 0, 10));
        assertEquals(List.of(235L, 225L), sequences(log.list(new AuditFilter(Set.of(OPH), "camille", null, null, null,
            237L), 0, 2)), "entries after the last sequence of a reading stay out of its pages");
    }

    @Test
    void refusesIncompleteEventsAndShortensLongText() {
        assertThrows(IllegalArgumentException.class, () -> log.record(new AuditEvent(null, "alice", null, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> log.record(new AuditEvent("a", " ", null, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> log.record(new AuditEvent("a", "alice", null, "123", null, null)));

        AuditEntry entry = log.record(new AuditEvent("a", "alice", null, null, "t".repeat(500), "é".repeat(5000)));

        assertEquals(1, entry.sequence());
        assertEquals(400, entry.event().target().length());
        assertEquals("é".repeat(3999) + "…", entry.event().details());
        assertEquals(List.of(entry), log.list(null, 1));
        assertTrue(log.verify().intact());
    }

    @Test
    void anIntactChainVerifies() {
        assertEquals(new AuditVerification(true, 0, List.of()), log.verify());
        record(30);

        assertEquals(new AuditVerification(true, 30, List.of()), log.verify());
    }

    @Test
    void detectsAnEntryUpdatedInSql() throws SQLException {
        record(20);
        execute("UPDATE audit_entry SET details = 'rien à signaler' WHERE seq = 12");

        assertProblems(20, "Entrée 12 : contenu modifié (empreinte invalide).");
    }

    @Test
    void detectsATimestampUpdatedInSql() throws SQLException {
        record(5);
        execute("UPDATE audit_entry SET recorded_at = {fn TIMESTAMPADD(SQL_TSI_SECOND, 1, recorded_at)} WHERE seq = 3");

        assertProblems(5, "Entrée 3 : contenu modifié (empreinte invalide).");
    }

    @Test
    void detectsAMiddleEntryDeleted() throws SQLException {
        record(20);
        execute("DELETE FROM audit_entry WHERE seq = 13");

        assertProblems(19, "Entrée 13 manquante (la séquence passe de 12 à 14).");
    }

    @Test
    void detectsTheFirstEntryDeleted() throws SQLException {
        record(5);
        execute("DELETE FROM audit_entry WHERE seq = 1");

        assertProblems(4, "Entrée 1 manquante (le journal commence à l'entrée 2).");
    }

    @Test
    void detectsTwoEntriesWithSwappedContent() throws SQLException {
        record(10);
        execute("UPDATE audit_entry SET siren = NULL, details = '{\"cellules\":6}' WHERE seq = 5",
            "UPDATE audit_entry SET siren = '" + OPH + "', details = '{\"cellules\":5}' WHERE seq = 6");

        assertProblems(10, "Entrée 5 : contenu modifié (empreinte invalide).",
            "Entrée 6 : contenu modifié (empreinte invalide).");
    }

    @Test
    void detectsTwoEntriesSwappedWithTheirHashes() throws SQLException {
        record(10);
        execute("UPDATE audit_entry SET seq = -5 WHERE seq = 5",
            "UPDATE audit_entry SET seq = 5 WHERE seq = 6",
            "UPDATE audit_entry SET seq = 6 WHERE seq = -5");

        assertProblems(10, "Entrée 5 : contenu modifié (empreinte invalide).",
            "Entrée 6 : contenu modifié (empreinte invalide).",
            "Entrée 7 : chaînage rompu (elle n'est pas chaînée à l'empreinte de l'entrée 6).");
    }

    @Test
    void detectsAnEntryRehashedWithoutFixingTheNextLink() throws SQLException {
        record(20);
        AuditEvent forged = new AuditEvent("droits.modifies", "mallory", "198.51.100.1", OPH, "mallory", "administrateur");
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT recorded_at, previous_hash FROM audit_entry WHERE seq = 12")) {
            assertTrue(rs.next());
            Instant at = rs.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant();
            try (PreparedStatement update = connection.prepareStatement("UPDATE audit_entry SET action = ?, actor = ?, "
                + "remote_address = ?, siren = ?, target = ?, details = ?, hash = ? WHERE seq = 12")) {
                update.setString(1, forged.action());
                update.setString(2, forged.actor());
                update.setString(3, forged.remoteAddress());
                update.setString(4, forged.siren());
                update.setString(5, forged.target());
                update.setString(6, forged.details());
                update.setString(7, AuditChain.hash(rs.getString(2), 12, at, forged));
                update.executeUpdate();
            }
        }

        assertProblems(20, "Entrée 13 : chaînage rompu (elle n'est pas chaînée à l'empreinte de l'entrée 12).");
    }

    @Test
    void concurrentAppendsFormOneChainWithoutGaps() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                String siren = thread % 2 == 0 ? OPH : ESH;
                results.add(pool.submit(() -> {
                    List<Long> sequences = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        sequences.add(log.record(event(siren, Thread.currentThread().getName() + " " + i)).sequence());
                    }
                    return sequences;
                }));
            }
            Set<Long> recorded = new HashSet<>();
            for (Future<List<Long>> result : results) {
                recorded.addAll(result.get());
            }
            assertEquals(LongStream.rangeClosed(1, 100).boxed().collect(Collectors.toSet()), recorded);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(LongStream.rangeClosed(1, 100).map(i -> 101 - i).boxed().toList(), sequences(log.list(null, 1000)));
        assertEquals(new AuditVerification(true, 100, List.of()), log.verify());
    }

    @Test
    void anUnreachableDatabaseIsReportedAsUnavailable() {
        EmbeddedDataSource missing = new EmbeddedDataSource();
        missing.setDatabaseName(dir.resolve("absente").toString());
        JdbcAuditLog unreachable = new JdbcAuditLog(missing, null);

        for (Runnable call : List.<Runnable>of(() -> unreachable.record(event(OPH, "x")),
            () -> unreachable.list(null, 10), unreachable::verify)) {
            LiasseException error = assertThrows(LiasseException.class, call::run);
            assertEquals(503, error.status());
            assertEquals("base-indisponible", error.code());
        }
    }

    private void assertProblems(long checked, String... problems) {
        assertEquals(new AuditVerification(false, checked, List.of(problems)), log.verify());
    }

    private void record(int count) {
        for (int i = 1; i <= count; i++) {
            log.record(event(i % 3 == 0 ? null : OPH, "{\"cellules\":" + i + "}"));
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.executeUpdate(s);
            }
        }
    }

    private static AuditEvent event(String siren, String details) {
        return new AuditEvent("PATCH /dossiers/{id}/values", "alice", "192.0.2.7", siren, "dossier 7", details);
    }

    private static List<Long> sequences(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::sequence).toList();
    }
}
