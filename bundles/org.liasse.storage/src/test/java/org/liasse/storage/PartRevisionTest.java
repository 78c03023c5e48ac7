package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.error.LiasseException;

/** The revisions of a dossier's or an organisation's separately written parts: each write names the one it read. */
class PartRevisionTest {

    @TempDir
    Path dir;

    private JpaStore store;

    @BeforeEach
    void database() throws SQLException {
        store = Derby.store(Derby.empty(dir));
        store.inJdbcTransaction(c -> c.createStatement().executeUpdate("INSERT INTO organisation (siren, name, "
            + "org_type, active) VALUES ('123456789', 'Office test', 'OPH', TRUE)"));
    }

    @Test
    void aWriteFromTheCurrentRevisionRaisesItAndAStaleOneIsRefused() {
        assertEquals(1L, revision(PartRevision.CONSENTS, "123456789"));
        store.inTransaction(em -> {
            PartRevision.CONSENTS.advance(em, "123456789", 1);
            return null;
        });

        LiasseException stale = assertThrows(LiasseException.class, () -> store.inTransaction(em -> {
            PartRevision.CONSENTS.advance(em, "123456789", 1);
            return null;
        }));

        assertEquals(412, stale.status());
        assertEquals("revision-perimee", stale.code());
        assertTrue(stale.getMessage().contains("attendue 1, actuelle 2"), stale.getMessage());
        assertEquals(2L, revision(PartRevision.CONSENTS, "123456789"));
    }

    @Test
    void anAdditionRaisesTheRevisionWithoutNamingOneAndAnUnknownOwnerHasNone() {
        store.inTransaction(em -> {
            PartRevision.CONSENTS.raise(em, "123456789");
            return null;
        });

        assertEquals(2L, revision(PartRevision.CONSENTS, "123456789"));
        assertEquals(0L, revision(PartRevision.CHOICES, 42L));
    }

    private long revision(PartRevision part, Object owner) {
        return store.inTransaction(em -> part.read(em, owner));
    }
}
