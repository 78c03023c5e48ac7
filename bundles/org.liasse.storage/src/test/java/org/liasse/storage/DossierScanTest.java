package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.dossier.Dossier;

/** The campaign scan over a real Derby database: which dossiers, in which order, and their canonical values. */
class DossierScanTest {

    @TempDir
    Path dir;

    private EmbeddedDataSource dataSource;
    /** The decimals stored in dossier 5, by cell code, and the canonical values expected for them. */
    private final Map<String, String> decimals = new HashMap<>();

    @BeforeEach
    void database() throws SQLException {
        dataSource = Derby.migrated(dir);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (int year : new int[] {2024, 2025}) {
                s.executeUpdate("INSERT INTO campaign (campaign_year, label, opening_date, deadline, state) VALUES ("
                    + year + ", 'Campagne', '2026-04-01', '2026-07-31', 'OPEN')");
            }
            for (int i = 1; i <= 5; i++) {
                s.executeUpdate("INSERT INTO organisation (siren, name, org_type, active) VALUES ('00000000" + i
                    + "', 'Organisation', 'OPH', TRUE)");
            }
            // Inserted out of order, with dossiers of another questionnaire and another year in between.
            dossier(s, 5, 1, 2025, "ER", "'VERIFIE'");
            dossier(s, 3, 2, 2025, "AUTRE", "NULL");
            dossier(s, 2, 2, 2025, "ER", "NULL");
            dossier(s, 7, 1, 2024, "ER", "NULL");
            dossier(s, 9, 3, 2025, "ER", "NULL");
            try (PreparedStatement value = c.prepareStatement("INSERT INTO cell_value (dossier_id, cell_code, "
                + "num_value, text_value) VALUES (?, ?, ?, ?)")) {
                // Those that fit DECIMAL(31, 6), each written as the old conversion wrote it.
                for (String tricky : CellValueTest.TRICKY) {
                    BigDecimal number = new BigDecimal(tricky);
                    if (number.stripTrailingZeros().scale() <= 6 && number.precision() - number.scale() <= 25) {
                        String cell = "F.R" + decimals.size() + ".C1";
                        decimals.put(cell, number.stripTrailingZeros().toPlainString());
                        insert(value, 5, cell, number, null);
                    }
                }
                insert(value, 2, "F.R1.C2", null, "Oui");
                insert(value, 2, "F.R2.C2", null, "2025-12-31");
                insert(value, 2, "F.R3.C1", new BigDecimal("-42.50"), null);
                insert(value, 3, "F.R1.C1", BigDecimal.ONE, null);
                insert(value, 7, "F.R1.C1", BigDecimal.TEN, null);
                value.executeBatch();
            }
            c.commit();
        }
    }

    @Test
    void handsOverTheCampaignsDossiersInOrderOfIdWithTheirCanonicalValues() throws SQLException {
        List<Dossier> scanned = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            JpaDossierService.scan(c, 2025, "ER", scanned::add);
        }

        assertEquals(List.of(
                new Dossier(2, "000000002", 2025, "ER", "1.0", 4, null,
                    Map.of("F.R1.C2", "Oui", "F.R2.C2", "2025-12-31", "F.R3.C1", "-42.5")),
                new Dossier(5, "000000001", 2025, "ER", "1.0", 4, "VERIFIE", decimals),
                new Dossier(9, "000000003", 2025, "ER", "1.0", 4, null, Map.of())),
            scanned);
        assertTrue(decimals.values().containsAll(List.of("0", "-0.000001", "100", "-9223372036854.775808",
            "-9999999999999999999999999.999999")), decimals::toString);
    }

    @Test
    void readsTheDossiersAndTheirValuesInOrderWithoutSortingThem() throws SQLException {
        for (String query : List.of(JpaDossierService.CAMPAIGN_DOSSIERS, JpaDossierService.CAMPAIGN_VALUES)) {
            String plan = plan(query);
            assertTrue(plan.contains("using index DOSSIER_CAMPAIGN "), plan);
            assertFalse(plan.contains("Sort ResultSet"), plan);
        }
    }

    /** How Derby ran the query over the 2025 ER dossiers. */
    private String plan(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            try (PreparedStatement scan = c.prepareStatement(query)) {
                scan.setInt(1, 2025);
                scan.setString(2, "ER");
                try (ResultSet rows = scan.executeQuery()) {
                    while (rows.next()) {
                        assertTrue(rows.getLong(1) > 0);
                    }
                }
            }
            try (ResultSet statistics = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                statistics.next();
                return statistics.getString(1);
            }
        }
    }

    private static void dossier(Statement s, long id, int organisation, int year, String questionnaire, String step)
        throws SQLException {
        s.executeUpdate("INSERT INTO dossier (id, siren, campaign_year, questionnaire_code, questionnaire_version, "
            + "revision, step) VALUES (" + id + ", '00000000" + organisation + "', " + year + ", '" + questionnaire
            + "', '1.0', 4, " + step + ")");
    }

    private static void insert(PreparedStatement value, long dossier, String cell, BigDecimal number, String text)
        throws SQLException {
        value.setLong(1, dossier);
        value.setString(2, cell);
        value.setBigDecimal(3, number);
        value.setString(4, text);
        value.addBatch();
    }
}
