package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.BiPredicate;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.definition.StepDefinition;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.error.LiasseException;
import org.liasse.api.workflow.Completion;
import org.liasse.api.workflow.CompletionQuery;
import org.liasse.api.workflow.CompletionRow;
import org.liasse.api.workflow.ControlState;
import org.liasse.api.workflow.Progress;

/**
 * The completion dashboard over a real Derby database with 1,000 organisations: rows, control status, lateness,
 * filters, order, and the progress replayed from the transitions.
 */
class DashboardTest {

    private static final int ORGANISATIONS = 1000;
    private static final int DOSSIERS = 600;
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 11);
    private static final Campaign CAMPAIGN = new Campaign(2025, "Campagne 2025", LocalDate.of(2026, 4, 1),
        LocalDate.of(2026, 7, 31), CampaignState.OPEN, List.of(new CampaignQuestionnaire("ER", null,
        LocalDate.of(2026, 6, 1))), 1);

    @TempDir
    Path dir;

    private EmbeddedDataSource dataSource;

    @BeforeEach
    void database() throws SQLException {
        dataSource = Derby.migrated(dir);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("INSERT INTO campaign (campaign_year, label, opening_date, deadline, state) "
                + "VALUES (2025, 'Campagne 2025', '2026-04-01', '2026-07-31', 'OPEN')");
            try (PreparedStatement org = c.prepareStatement("INSERT INTO organisation (siren, name, org_type, active, "
                + "federation, region, department) VALUES (?, ?, ?, TRUE, ?, ?, ?)");
                 PreparedStatement dossier = c.prepareStatement("INSERT INTO dossier (id, siren, campaign_year, "
                     + "questionnaire_code, questionnaire_version, revision, step, last_activity) "
                     + "VALUES (?, ?, 2025, 'ER', '2025.1', 10, ?, ?)")) {
                for (int i = 1; i <= ORGANISATIONS; i++) {
                    boolean oph = i % 2 == 1;
                    org.setString(1, siren(i));
                    org.setString(2, "Organisation " + i);
                    org.setString(3, oph ? "OPH" : "ESH");
                    org.setString(4, oph ? "FOPH" : "FESH");
                    org.setString(5, i % 4 < 2 ? "84" : "11");
                    org.setString(6, i % 4 < 2 ? "69" : "75");
                    org.addBatch();
                    if (i <= DOSSIERS) {
                        dossier.setLong(1, i);
                        dossier.setString(2, siren(i));
                        dossier.setString(3, i % 10 == 0 ? "TRANSMIS" : i % 3 == 0 ? "VERIFIE" : null);
                        dossier.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2026, 5, 1 + i % 28, 10, 0)));
                        dossier.addBatch();
                    }
                }
                org.executeBatch();
                dossier.executeBatch();
            }
            try (PreparedStatement move = c.prepareStatement("INSERT INTO dossier_transition (dossier_id, from_step, "
                + "to_step, kind, actor, transition_at, reason) VALUES (?, ?, ?, 'ADVANCE', 'test', ?, '')")) {
                for (int i = 10; i <= DOSSIERS; i += 10) {
                    transition(move, i, "SAISIE", "VERIFIE", 4, 10);
                    transition(move, i, "VERIFIE", "TRANSMIS", 4, 20);
                }
                transition(move, 3, "SAISIE", "TRANSMIS", 4, 12);
                transition(move, 3, "TRANSMIS", "VERIFIE", 4, 15);
                move.executeBatch();
            }
            verification(c, 1, 1, 9, "ERROR", "FAILED");
            verification(c, 2, 3, 9, "WARNING", "FAILED");
            c.createStatement().executeUpdate("INSERT INTO justification (dossier_id, control_code, text_value, actor, "
                + "justified_at) VALUES (3, 'C1', 'ok', 'test', CURRENT_TIMESTAMP)");
            verification(c, 3, 6, 9, "WARNING", "FAILED");
            verification(c, 4, 7, 9, "INFO", "FAILED");
            c.createStatement().executeUpdate("INSERT INTO cell_history (dossier_id, cell_code, revision, changed_at, "
                + "actor) VALUES (7, 'A.B.C', 10, CURRENT_TIMESTAMP, 'test')");
            c.commit();
        }
    }

    private static void transition(PreparedStatement move, long dossier, String from, String to, int month, int day)
        throws SQLException {
        move.setLong(1, dossier);
        move.setString(2, from);
        move.setString(3, to);
        move.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2026, month, day, 12, 0)));
        move.addBatch();
    }

    private static void verification(Connection c, long id, long dossier, long revision, String severity, String status)
        throws SQLException {
        c.createStatement().executeUpdate("INSERT INTO verification (id, dossier_id, dossier_revision, verified_at, "
            + "actor, questionnaire_version) VALUES (" + id + ", " + dossier + ", " + revision
            + ", CURRENT_TIMESTAMP, 'test', '2025.1')");
        c.createStatement().executeUpdate("INSERT INTO verification_outcome (verification_id, item_no, control_code, "
            + "severity, status, message, involved, cells, rule_version) VALUES (" + id + ", 0, 'C1', '" + severity
            + "', '" + status + "', 'm', '', '', 'v')");
    }

    private static String siren(int i) {
        return String.format("%09d", i);
    }

    private Completion build(CompletionQuery query) throws SQLException {
        return build(query, (code, type) -> true, (code, type) -> false);
    }

    private Completion build(CompletionQuery query, BiPredicate<String, String> files,
                             BiPredicate<String, String> voluntary) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Dashboard.build(c, CAMPAIGN, WorkflowDefinition::standard, files, voluntary, query, TODAY);
        }
    }

    private static CompletionRow row(Completion completion, int organisation) {
        return completion.rows().stream().filter(r -> r.siren().equals(siren(organisation))).findFirst().orElseThrow();
    }

    @Test
    void everyOrganisationHasARowWithItsStepControlsAndLateness() throws SQLException {
        Completion completion = build(CompletionQuery.all());

        assertEquals(ORGANISATIONS, completion.rows().size());
        assertEquals(siren(1), completion.rows().get(0).siren(), "SIREN order by default");
        CompletionRow errors = row(completion, 1);
        assertEquals(ControlState.ERRORS, errors.control());
        assertEquals(1, errors.errors());
        assertEquals(1, errors.stepIndex());
        assertEquals("Saisie en cours", errors.stepLabel());
        assertEquals(6, errors.stepCount());
        assertEquals(10, errors.daysLate());
        assertEquals(ControlState.OK, row(completion, 3).control(), "its warning is justified");
        assertEquals("VERIFIE", row(completion, 3).step());
        assertEquals(ControlState.WARNINGS, row(completion, 6).control());
        assertEquals(1, row(completion, 6).warnings());
        assertEquals(ControlState.OK, row(completion, 7).control(), "information does not count");
        assertTrue(row(completion, 7).reverify(), "values changed since the run");
        assertFalse(row(completion, 6).reverify());
        assertEquals(0, row(completion, 10).daysLate(), "transmitted");
        CompletionRow missing = row(completion, 999);
        assertNull(missing.dossierId());
        assertNull(missing.step());
        assertEquals(ControlState.NOT_VERIFIED, missing.control());
        assertEquals(10, missing.daysLate());
    }

    @Test
    void aQuestionnaireForOtherTypesListsOnlyTheOrganisationsThatHaveADossierOfIt() throws SQLException {
        Completion completion = build(CompletionQuery.all(), (code, type) -> "OPH".equals(type), (code, type) -> false);
        int ophWithoutDossier = (ORGANISATIONS - DOSSIERS) / 2;
        assertEquals(DOSSIERS + ophWithoutDossier, completion.rows().size());
        assertTrue(completion.rows().stream().filter(row -> row.dossierId() == null)
            .allMatch(row -> Integer.parseInt(row.siren()) % 2 == 1), "only OPH rows without a dossier");
        assertEquals(2L, row(completion, 2).dossierId(), "an ESH with a dossier keeps its row");
    }

    @Test
    void aVoluntaryFilingIsNeverLate() throws SQLException {
        Completion completion = build(CompletionQuery.all(), (code, type) -> true, (code, type) -> "ESH".equals(type));

        assertTrue(row(completion, 2).voluntary());
        assertEquals(0, row(completion, 2).daysLate(), "an ESH files voluntarily here");
        assertFalse(row(completion, 1).voluntary());
        assertEquals(10, row(completion, 1).daysLate());
        assertTrue(build(new CompletionQuery(null, null, null, null, null, null, true, null), (code, type) -> true,
            (code, type) -> "ESH".equals(type)).rows().stream().noneMatch(CompletionRow::voluntary),
            "the lateness list leaves them out");
    }

    @Test
    void filtersAndOrder() throws SQLException {
        Completion oph = build(new CompletionQuery("FOPH", null, null, "69", null, null, null, "-organisation"));
        assertEquals(ORGANISATIONS / 4, oph.rows().size());
        assertTrue(oph.rows().stream().allMatch(r -> r.federation().equals("FOPH") && r.department().equals("69")));
        assertEquals("Organisation 997", oph.rows().get(0).name(), "descending name, case-insensitive");

        Completion missing = build(new CompletionQuery(null, "ESH", null, null, "ER", CompletionQuery.NOT_INITIALISED,
            null, null));
        assertEquals((ORGANISATIONS - DOSSIERS) / 2, missing.rows().size());
        assertEquals(DOSSIERS / 10, build(new CompletionQuery(null, null, null, null, null, null, false, null)).rows().size());
        Completion other = build(new CompletionQuery(null, null, null, null, "QDIS", null, null, null));
        assertEquals(List.of(), other.rows());
        assertEquals(List.of(), other.progress(), "a questionnaire the campaign does not collect");
        LiasseException unknown = assertThrows(LiasseException.class,
            () -> build(new CompletionQuery(null, null, null, null, null, null, null, "taille")));
        assertEquals("tri-inconnu", unknown.code());
    }

    @Test
    void progressIsReplayedDayByDayFromTheTransitions() throws SQLException {
        Progress progress = build(CompletionQuery.all()).progress().get(0);
        assertEquals("ER", progress.questionnaire());
        assertEquals(List.of("Saisie en cours", "Vérifié", "Validé en interne", "Fiabilisé", "Signé", "Transmis"),
            progress.steps().stream().map(StepDefinition::label).toList());
        assertEquals(LocalDate.of(2026, 4, 1), progress.days().get(0).day());
        assertEquals(TODAY, progress.days().get(progress.days().size() - 1).day());
        assertEquals(List.of(0, 0, 0, 0, 0), progress.days().get(0).reached());
        assertEquals(List.of(60, 0, 0, 0, 0), progress.days().get(9).reached(), "10 April: 60 dossiers verified");
        assertEquals(List.of(61, 1, 1, 1, 1), progress.days().get(11).reached(), "12 April: one dossier transmitted");
        assertEquals(List.of(61, 0, 0, 0, 0), progress.days().get(14).reached(), "15 April: sent back to « Vérifié »");
        assertEquals(List.of(61, 60, 60, 60, 60), progress.days().get(19).reached());
        Progress federation = build(new CompletionQuery("FESH", null, null, null, null, null, null, null)).progress().get(0);
        assertEquals(List.of(60, 60, 60, 60, 60), federation.days().get(federation.days().size() - 1).reached(),
            "only the dossiers listed");
    }
}
