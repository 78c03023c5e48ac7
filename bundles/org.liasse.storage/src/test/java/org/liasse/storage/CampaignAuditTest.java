package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.error.LiasseException;

/** A campaign's creation and moves are recorded in the audit log in their own transaction. */
class CampaignAuditTest {

    private static final Campaign CAMPAIGN = new Campaign(2031, "Campagne 2031", LocalDate.of(2032, 4, 1),
        LocalDate.of(2032, 7, 31), CampaignState.PREPARATION, List.of(), 1);

    @TempDir
    Path dir;

    private JpaStore store;
    private JdbcAuditLog log;
    private JpaCampaignService campaigns;

    @BeforeEach
    void database() throws SQLException {
        EmbeddedDataSource dataSource = Derby.empty(dir);
        store = Derby.store(dataSource);
        log = new JdbcAuditLog(dataSource, store);
        campaigns = new JpaCampaignService(store);
    }

    @Test
    void aCreationAndAMoveEachHaveTheirEntryAndARefusedMoveHasNone() {
        Campaign created = campaigns.create(CAMPAIGN, "shell:exploitant");
        Campaign opened = campaigns.changeState(2031, CampaignState.OPEN, created.revision(), "shell:exploitant");
        assertThrows(LiasseException.class, () -> campaigns.changeState(2031, CampaignState.ARCHIVED,
            opened.revision(), "shell:exploitant"));

        assertEquals(List.of("campagne.etat OPEN", "campagne.creee Campagne 2031"), log.list(null, 10).stream()
            .map(e -> e.event().action() + " " + e.event().details()).toList());
        assertTrue(log.verify().intact());
    }

    @Test
    void aMoveWhoseEntryCannotBeWrittenIsNotMade() {
        Campaign created = campaigns.create(CAMPAIGN, "shell:exploitant");
        store.inJdbcTransaction(c -> c.createStatement().executeUpdate("RENAME TABLE audit_entry TO audit_ailleurs"));

        assertThrows(RuntimeException.class, () -> campaigns.changeState(2031, CampaignState.OPEN, created.revision(),
            "shell:exploitant"));

        assertEquals(CampaignState.PREPARATION, campaigns.find(2031).orElseThrow().state());
    }
}
