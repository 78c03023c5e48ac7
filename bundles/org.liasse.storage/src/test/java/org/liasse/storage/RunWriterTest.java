package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.Severity;

/** Verification runs written over a real Derby database: only the controls that did not pass get a row. */
class RunWriterTest {

    @TempDir
    Path dir;

    private EmbeddedDataSource dataSource;

    @BeforeEach
    void database() throws SQLException {
        dataSource = Derby.migrated(dir);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO organisation (siren, name, org_type, active) "
                + "VALUES ('000000018', 'Office fictif (FICTIF)', 'OPH', TRUE)");
            sql.executeUpdate("INSERT INTO campaign (campaign_year, label, opening_date, deadline, state) "
                + "VALUES (2025, 'Campagne 2025', '2026-04-01', '2026-07-31', 'OPEN')");
            for (String code : List.of("ER", "QDIS")) {
                sql.executeUpdate("INSERT INTO dossier (siren, campaign_year, questionnaire_code, questionnaire_version, "
                    + "revision) VALUES ('000000018', 2025, '" + code + "', '2025.1', 3)");
            }
        }
    }

    private static ControlOutcome outcome(String code, ControlStatus status) {
        return new ControlOutcome(code, Severity.ERROR, status, status == ControlStatus.FAILED ? "Écart de 2 €." : "",
            status == ControlStatus.FAILED ? Map.of("left", "2") : Map.of(), List.of("BILAN.IMMO.MONTANT"), "p 1.0.0");
    }

    private static ControlReport report(ControlStatus... statuses) {
        List<ControlOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            outcomes.add(outcome("C" + i, statuses[i]));
        }
        return new ControlReport("ER", "2025.1", outcomes, List.of(
            new AggregateValue("A", "Agrégat", "", "€", new BigDecimal("12.5"), "", "p 1.0.0"),
            new AggregateValue("B", "Agrégat vide", "", "€", null, "", "p 1.0.0")));
    }

    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    columns.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join("|", columns));
            }
        }
        return rows;
    }

    @Test
    void runsCountPassedAndNotApplicableControlsAndKeepARowForEachFailure() throws SQLException {
        List<RunWriter.Run> runs = List.of(
            new RunWriter.Run(1, 3, "empreinte-1", report(ControlStatus.PASSED, ControlStatus.FAILED,
                ControlStatus.NOT_APPLICABLE, ControlStatus.PASSED)),
            new RunWriter.Run(2, 3, "empreinte-1", report(ControlStatus.PASSED, ControlStatus.RUNTIME_ERROR)));
        List<Long> ids;
        try (Connection connection = dataSource.getConnection()) {
            ids = RunWriter.write(connection, new RunWriter.Origin(Instant.now(), "mise-a-jour-des-controles",
                "org.exemple 2.0.0"), runs);
        }
        assertEquals(2, ids.size());
        assertEquals(List.of(ids.get(0) + "|1|2|1|org.exemple 2.0.0|empreinte-1",
                ids.get(1) + "|2|1|0|org.exemple 2.0.0|empreinte-1"),
            rows("SELECT id, dossier_id, passed, not_applicable, run_trigger, rules_fingerprint FROM verification "
                + "ORDER BY id"));
        assertEquals(List.of(ids.get(0) + "|1|C1|FAILED|Écart de 2 €.", ids.get(1) + "|1|C1|RUNTIME_ERROR|"),
            rows("SELECT verification_id, item_no, control_code, status, message FROM verification_outcome "
                + "ORDER BY verification_id, item_no"));
        assertEquals(List.of("A|12.500000", "B|null", "A|12.500000", "B|null"),
            rows("SELECT code, num_value FROM verification_aggregate ORDER BY verification_id, item_no"));
    }

    @Test
    void aUserRunHasNoTrigger() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            RunWriter.write(connection, new RunWriter.Origin(Instant.now(), "saisie.demo", null),
                List.of(new RunWriter.Run(1, 3, "empreinte", report(ControlStatus.PASSED))));
        }
        assertEquals(List.of("null"), rows("SELECT run_trigger FROM verification"));
    }
}
