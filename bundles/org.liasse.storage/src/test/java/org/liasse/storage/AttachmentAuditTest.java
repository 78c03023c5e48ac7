package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.attachment.Attachment;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.plugin.PluginRegistry;

/** The audit entry of an upload or a deletion of an attachment lives and dies with the change. */
class AttachmentAuditTest {

    private static final long DOSSIER = 7;

    @TempDir
    Path dir;

    private Path contents;
    private JpaStore store;
    private JdbcAuditLog log;
    private JpaAttachmentService attachments;

    @BeforeEach
    void database() throws SQLException {
        EmbeddedDataSource dataSource = Derby.empty(dir);
        store = Derby.store(dataSource);
        log = new JdbcAuditLog(dataSource, store);
        store.inJdbcTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO campaign (campaign_year, label, opening_date, deadline, "
                + "state) VALUES (2025, 'Campagne 2025', '2026-04-01', '2026-07-31', 'OPEN')");
            c.createStatement().executeUpdate("INSERT INTO organisation (siren, name, org_type, active) "
                + "VALUES ('123456789', 'Office test', 'OPH', TRUE)");
            return c.createStatement().executeUpdate("INSERT INTO dossier (id, siren, campaign_year, "
                + "questionnaire_code, questionnaire_version, revision) VALUES (" + DOSSIER + ", '123456789', 2025, "
                + "'ER', '2025.1', 1)");
        });
        contents = dir.resolve("pieces");
        attachments = new JpaAttachmentService(store, fake(DossierService.class, "owner", Optional.of("123456789")),
            log, fake(PluginRegistry.class, "workflow", WorkflowDefinition.standard("ER")), settings(contents));
    }

    @Test
    void anUploadWhoseContentCannotBePlacedAfterItsEntryLeavesNeitherRowNorEntry() throws IOException {
        for (int prefix = 0; prefix < 256; prefix++) {
            Files.writeString(contents.resolve(HexFormat.of().toHexDigits((byte) prefix)), "occupé");
        }

        assertThrows(RuntimeException.class, () -> upload("bilan.pdf"));

        assertEquals(0L, count("attachment"), "the upload was rolled back");
        assertEquals(List.of(), actions(), "and its audit entry with it");
    }

    @Test
    void aCommittedUploadAndDeletionEachHaveTheirEntry() {
        Attachment saved = upload("bilan.pdf");
        attachments.delete(DOSSIER, saved.id(), attachments.revision(DOSSIER), "AD_123456789",
            "192.0.2.1");

        assertEquals(List.of("piece.supprimee", "piece.deposee"), actions());
        assertEquals(List.of(), attachments.list(DOSSIER).attachments());
        assertTrue(log.verify().intact());
    }

    @Test
    void anUploadWhoseEntryCannotBeWrittenIsNotKept() {
        loseTheAuditTable();

        assertThrows(RuntimeException.class, () -> upload("bilan.pdf"));

        assertEquals(0L, count("attachment"));
    }

    @Test
    void aDeletionWhoseEntryCannotBeWrittenIsNotDone() {
        Attachment saved = upload("bilan.pdf");
        loseTheAuditTable();

        assertThrows(RuntimeException.class,
            () -> attachments.delete(DOSSIER, saved.id(), attachments.revision(DOSSIER), "AD_123456789",
            "192.0.2.1"));

        assertEquals(List.of(saved.id()), attachments.list(DOSSIER).attachments().stream().map(Attachment::id).toList(),
            "the file is still there");
    }

    private void loseTheAuditTable() {
        store.inJdbcTransaction(c -> c.createStatement().executeUpdate("RENAME TABLE audit_entry TO audit_ailleurs"));
    }

    private Attachment upload(String name) {
        return attachments.store(DOSSIER, name, new ByteArrayInputStream(Samples.pdf()), "AD_123456789", "192.0.2.1");
    }

    private long count(String table) {
        return Derby.count(store, table);
    }

    private List<String> actions() {
        return Derby.actions(log);
    }

    /** A service whose one useful method answers {@code answer}; the others are not called. */
    private static <T> T fake(Class<T> type, String method, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (called.getName().equals(method)) {
                return answer;
            }
            throw new UnsupportedOperationException(called.getName());
        }));
    }

    /** The default settings, contents under {@code folder}. */
    private static AttachmentConfig settings(Path folder) {
        return (AttachmentConfig) Proxy.newProxyInstance(AttachmentConfig.class.getClassLoader(),
            new Class<?>[] {AttachmentConfig.class}, (proxy, called, args) -> called.getName().equals("directory")
                ? folder.toString() : called.getDefaultValue());
    }
}
