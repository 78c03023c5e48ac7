package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.plugin.PluginActivation;

/** The recorded plugin decisions on a real Derby database. */
class JdbcPluginActivationsTest {

    private static final String ER = "org.liasse.ministry.er";

    @TempDir
    Path dir;

    private EmbeddedDataSource dataSource;
    private JdbcPluginActivations activations;

    @BeforeEach
    void database() throws SQLException {
        dataSource = Derby.migrated(dir);
        activations = new JdbcPluginActivations(dataSource, null);
    }

    @Test
    void theLatestDecisionIsCurrentAndTheVersionBeforeItIsThePrevious() {
        assertEquals(Set.of(), activations.current().keySet());
        PluginActivation first = activations.record(ER, "0.1.0", "démarrage");
        assertEquals("0.1.0", first.version());
        assertNull(first.previousVersion());

        PluginActivation deployed = activations.record(ER, "0.3.0", "déploiement");
        assertEquals("0.1.0", deployed.previousVersion());
        assertEquals("déploiement", deployed.activatedBy());
        assertEquals(deployed, activations.record(ER, "0.3.0", "démarrage"), "the same version again changes nothing");

        PluginActivation rolledBack = activations.record(ER, "0.1.0", "operateur.demo");
        assertEquals("0.3.0", rolledBack.previousVersion(), "a second rollback would restore 0.3.0");
        assertEquals(rolledBack, activations.current().get(ER));
        assertEquals(Set.of("0.1.0", "0.3.0"), activations.knownVersions(ER));
        assertEquals(Set.of(), activations.knownVersions("autre"));
    }

    @Test
    void aRollbackIsRecordedWithItsAuditEntryOrNotAtAll() throws SQLException {
        activations.record(ER, "0.1.0", "démarrage");
        activations.record(ER, "0.3.0", "déploiement");
        AuditEvent rollback = new AuditEvent("plugin.retour-arriere", "operateur.demo", null, null, ER, "0.1.0");
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("RENAME TABLE audit_entry TO audit_ailleurs");
        }

        assertThrows(RuntimeException.class, () -> activations.record(ER, "0.1.0", "operateur.demo", rollback));
        assertEquals("0.3.0", activations.current().get(ER).version(),
            "the rollback was not recorded without its entry");

        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("RENAME TABLE audit_ailleurs TO audit_entry");
        }
        assertEquals("0.1.0", activations.record(ER, "0.1.0", "operateur.demo", rollback).version());
        try (Connection c = dataSource.getConnection();
             ResultSet entries = c.createStatement().executeQuery("SELECT action FROM audit_entry")) {
            assertTrue(entries.next());
            assertEquals("plugin.retour-arriere", entries.getString(1));
        }
    }
}
