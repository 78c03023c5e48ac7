package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.plugin.PluginActivation;

/** The recorded plugin decisions on a real Derby database. */
class JdbcPluginActivationsTest {

    private static final String ER = "org.liasse.ministry.er";

    @TempDir
    Path dir;

    private JdbcPluginActivations activations;

    @BeforeEach
    void database() throws SQLException {
        activations = new JdbcPluginActivations(Derby.migrated(dir), null);
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
}
