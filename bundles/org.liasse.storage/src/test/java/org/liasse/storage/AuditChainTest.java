package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liasse.api.audit.AuditEntry;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditVerification;

/** The hash chain alone: canonical form, hashing, and the problems a walk reports. */
class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-04-02T08:15:30.123Z");

    @Test
    void hashIsSha256HexAndDependsOnEveryField() {
        AuditEvent event = new AuditEvent("connexion.reussie", "alice", "10.0.0.1", "000000018", "alice", "{}");
        String hash = AuditChain.hash(AuditChain.GENESIS, 1, AT, event);

        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, AuditChain.hash(AuditChain.GENESIS, 1, AT, event), "deterministic");
        assertNotEquals(hash, AuditChain.hash("1".repeat(64), 1, AT, event));
        assertNotEquals(hash, AuditChain.hash(AuditChain.GENESIS, 2, AT, event));
        assertNotEquals(hash, AuditChain.hash(AuditChain.GENESIS, 1, AT.plusMillis(1), event));
        for (AuditEvent other : List.of(
            new AuditEvent("connexion.refusee", "alice", "10.0.0.1", "000000018", "alice", "{}"),
            new AuditEvent("connexion.reussie", "bob", "10.0.0.1", "000000018", "alice", "{}"),
            new AuditEvent("connexion.reussie", "alice", "10.0.0.2", "000000018", "alice", "{}"),
            new AuditEvent("connexion.reussie", "alice", "10.0.0.1", "000000026", "alice", "{}"),
            new AuditEvent("connexion.reussie", "alice", "10.0.0.1", "000000018", "bob", "{}"),
            new AuditEvent("connexion.reussie", "alice", "10.0.0.1", "000000018", "alice", "{ }"))) {
            assertNotEquals(hash, AuditChain.hash(AuditChain.GENESIS, 1, AT, other), other.toString());
        }
    }

    @Test
    void onlyMillisecondsCount() {
        AuditEvent event = event(1);

        assertEquals(AuditChain.hash(AuditChain.GENESIS, 1, AT, event),
            AuditChain.hash(AuditChain.GENESIS, 1, AT.plusNanos(456_789), event));
        assertEquals(AT, AuditChain.truncate(AT.plusNanos(999_999)));
    }

    @Test
    void nullsAndFieldBoundariesAreUnambiguous() {
        String nulls = AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEvent("a", "b", null, null, null, null));

        assertNotEquals(nulls, AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEvent("a", "b", "", null, null, null)));
        assertNotEquals(nulls, AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEvent("a", "b", "null", null, null, null)));
        assertNotEquals(nulls, AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEvent("a", "b", "~", null, null, null)));
        assertNotEquals(nulls, AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEvent("a", "b", null, null, "", null)));
        assertNotEquals(AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEvent("ab", "c", null, null, null, null)),
            AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEvent("a", "bc", null, null, null, null)));
        assertNotEquals(AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEvent("a", "b", "1:c", null, null, null)),
            AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEvent("a", "b1:c", null, null, null, null)));
    }

    @Test
    void anEmptyLogIsIntact() {
        assertEquals(new AuditVerification(true, 0, List.of()), AuditChain.verify(List.of()));
    }

    @Test
    void aWellFormedChainIsIntact() {
        assertEquals(new AuditVerification(true, 50, List.of()), AuditChain.verify(chain(50)));
    }

    @Test
    void reportsAnAlteredEntryOnly() {
        List<AuditChain.Row> rows = chain(20);
        AuditChain.Row row = rows.get(11);
        AuditEntry entry = row.entry();
        AuditEvent event = entry.event();
        rows.set(11, new AuditChain.Row(new AuditEntry(entry.sequence(), entry.at(), new AuditEvent(event.action(),
            event.actor(), event.remoteAddress(), event.siren(), event.target(), "autre chose"), entry.hash()),
            row.previousHash()));

        assertProblems(rows, "Entrée 12 : contenu modifié (empreinte invalide).");
    }

    @Test
    void reportsARehashedEntryThroughTheNextLink() {
        List<AuditChain.Row> rows = chain(20);
        AuditChain.Row row = rows.get(11);
        AuditEntry entry = row.entry();
        AuditEvent forged = new AuditEvent("droits.modifies", "mallory", null, null, "mallory", "administrateur");
        rows.set(11, new AuditChain.Row(new AuditEntry(12, entry.at(), forged,
            AuditChain.hash(row.previousHash(), 12, entry.at(), forged)), row.previousHash()));

        assertProblems(rows, "Entrée 13 : chaînage rompu (elle n'est pas chaînée à l'empreinte de l'entrée 12).");
    }

    @Test
    void reportsARemovedEntryAndARemovedRange() {
        List<AuditChain.Row> rows = chain(20);
        rows.remove(12);

        assertProblems(rows, "Entrée 13 manquante (la séquence passe de 12 à 14).");

        rows.subList(4, 7).clear();
        assertProblems(rows, "Entrées 5 à 7 manquantes (la séquence passe de 4 à 8).",
            "Entrée 13 manquante (la séquence passe de 12 à 14).");
    }

    @Test
    void reportsRemovedFirstEntries() {
        List<AuditChain.Row> rows = chain(5);
        rows.remove(0);

        assertProblems(rows, "Entrée 1 manquante (le journal commence à l'entrée 2).");

        rows.remove(0);
        assertProblems(rows, "Entrées 1 à 2 manquantes (le journal commence à l'entrée 3).");
    }

    @Test
    void reportsAFirstEntryNotChainedToTheStart() {
        List<AuditChain.Row> rows = chain(3);
        AuditEntry first = rows.get(0).entry();
        String previous = "f".repeat(64);
        rows.set(0, new AuditChain.Row(new AuditEntry(1, first.at(), first.event(),
            AuditChain.hash(previous, 1, first.at(), first.event())), previous));
        rows.set(1, rechained(rows.get(1), rows.get(0).entry().hash()));
        rows.set(2, rechained(rows.get(2), rows.get(1).entry().hash()));

        assertProblems(rows, "Entrée 1 : chaînage rompu (elle n'est pas chaînée au début du journal).");
    }

    @Test
    void reportsReorderedEntries() {
        List<AuditChain.Row> rows = chain(10);
        Collections.swap(rows, 4, 5);

        assertProblems(rows, "Entrée 5 manquante (la séquence passe de 4 à 6).",
            "Entrée 5 hors séquence ou en double (elle suit l'entrée 6).");
    }

    @Test
    void reportsAnEntryInsertedInPlaceOfAnother() {
        List<AuditChain.Row> rows = chain(10);
        AuditEntry original = rows.get(4).entry();
        AuditEvent inserted = new AuditEvent("droits.modifies", "mallory", null, null, "mallory", null);
        String previous = rows.get(3).entry().hash();
        rows.set(4, new AuditChain.Row(new AuditEntry(5, original.at(), inserted,
            AuditChain.hash(previous, 5, original.at(), inserted)), previous));

        assertProblems(rows, "Entrée 6 : chaînage rompu (elle n'est pas chaînée à l'empreinte de l'entrée 5).");
    }

    @Test
    void reportsADuplicatedEntryAndAnInvalidFirstNumber() {
        List<AuditChain.Row> rows = chain(3);
        rows.add(2, rows.get(1));

        assertProblems(rows, "Entrée 2 hors séquence ou en double (elle suit l'entrée 2).");

        AuditEntry first = chain(1).get(0).entry();
        AuditEntry zero = new AuditEntry(0, first.at(), first.event(),
            AuditChain.hash(AuditChain.GENESIS, 0, first.at(), first.event()));
        assertProblems(List.of(new AuditChain.Row(zero, AuditChain.GENESIS)),
            "Entrée 0 : numéro de séquence invalide (le journal commence à 1).");
    }

    private static void assertProblems(List<AuditChain.Row> rows, String... problems) {
        AuditVerification verification = AuditChain.verify(rows);
        assertFalse(verification.intact());
        assertEquals(rows.size(), verification.checked());
        assertEquals(List.of(problems), verification.problems());
    }

    private static AuditChain.Row rechained(AuditChain.Row row, String previousHash) {
        AuditEntry entry = row.entry();
        return new AuditChain.Row(new AuditEntry(entry.sequence(), entry.at(), entry.event(),
            AuditChain.hash(previousHash, entry.sequence(), entry.at(), entry.event())), previousHash);
    }

    private static List<AuditChain.Row> chain(int size) {
        List<AuditChain.Row> rows = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int sequence = 1; sequence <= size; sequence++) {
            Instant at = AT.plusSeconds(sequence);
            AuditEvent event = event(sequence);
            String hash = AuditChain.hash(previous, sequence, at, event);
            rows.add(new AuditChain.Row(new AuditEntry(sequence, at, event, hash), previous));
            previous = hash;
        }
        return rows;
    }

    private static AuditEvent event(int sequence) {
        return new AuditEvent("PATCH /dossiers/{id}/values", "alice", "192.0.2.7", sequence % 3 == 0 ? null : "000000018",
            "dossier " + sequence, "{\"cellules\":" + sequence + "}");
    }
}
