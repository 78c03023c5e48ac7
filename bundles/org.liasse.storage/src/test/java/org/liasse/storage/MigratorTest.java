package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shipped migrations against real Derby database files. */
class MigratorTest {

    @TempDir
    Path dir;

    private EmbeddedDataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = Derby.empty(dir);
    }

    @Test
    void migratesAnEmptyDatabaseToTheLatestVersion() throws SQLException {
        Migrator migrator = Migrator.shipped();

        assertEquals(migrator.latestVersion(), migrator.migrate(dataSource));
        assertEquals(migrator.latestVersion(), migrator.migrate(dataSource), "a second run changes nothing");
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(migrator.latestVersion(), Migrator.currentVersion(connection));
        }
    }

    @Test
    void upgradesAVersionOneDatabaseWithoutLosingData() throws SQLException {
        assertEquals(1, Migrator.shippedUpTo(1).migrate(dataSource));
        execute("INSERT INTO organisation (siren, name, org_type, active) VALUES ('000000018', 'Office fictif', 'OPH', TRUE)",
            "INSERT INTO campaign VALUES (2025, 'Campagne 2025', '2026-04-01', '2026-07-31', 'OPEN')",
            "INSERT INTO dossier (siren, campaign_year, questionnaire_code, questionnaire_version, revision) "
                + "VALUES ('000000018', 2025, 'ER', '2025.1', 3)",
            "INSERT INTO cell_value (dossier_id, cell_code, num_value) "
                + "SELECT id, 'BILAN.R01.MONTANT', 1234.56 FROM dossier");

        assertEquals(Migrator.shipped().latestVersion(), Migrator.shipped().migrate(dataSource));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT name, department FROM organisation")) {
                assertTrue(rs.next());
                assertEquals("Office fictif", rs.getString(1));
                assertNull(rs.getString(2));
            }
            try (ResultSet rs = statement.executeQuery("SELECT d.revision, v.num_value FROM dossier d "
                + "JOIN cell_value v ON v.dossier_id = d.id")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getLong(1));
                assertEquals(0, new BigDecimal("1234.56").compareTo(rs.getBigDecimal(2)));
            }
            statement.executeUpdate("UPDATE organisation SET department = '69'");
        }
    }

    @Test
    void loginsDifferingOnlyByCaseKeepTheOldestAccountAndDeactivateTheOthers() throws SQLException {
        assertEquals(15, Migrator.shippedUpTo(15).migrate(dataSource));
        String user = "INSERT INTO app_user (login, first_name, last_name, email, active, revision, created_at) "
            + "VALUES ('%s', 'P', 'N', 'x@example.org', TRUE, 1, CURRENT_TIMESTAMP)";
        execute(user.formatted("operateur.demo"), user.formatted("OPERATEUR.DEMO"), user.formatted("seul.compte"));

        Migrator.shipped().migrate(dataSource);

        List<String> rows = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, login, login_key, active FROM app_user ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(2) + " " + rs.getString(3).replace("#" + rs.getLong(1), "#id") + " " + rs.getBoolean(4));
            }
        }
        assertEquals(List.of("operateur.demo operateur.demo true", "OPERATEUR.DEMO operateur.demo#id false",
            "seul.compte seul.compte true"), rows);
        SQLException duplicate = assertThrows(SQLException.class, () -> execute(user.formatted("Seul.Compte")
            .replace("(login,", "(login_key, login,").replace("VALUES (", "VALUES ('seul.compte', ")));
        assertEquals("23505", duplicate.getSQLState(), "the database itself refuses a second login in another case");
    }

    @Test
    void refusesAMigrationChangedAfterItWasApplied() throws SQLException {
        Migrator.shipped().migrate(dataSource);
        Migrator.Migration first = Migrator.shippedUpTo(1).migrations().get(0);
        Migrator tampered = new Migrator(List.of(
            new Migrator.Migration(1, first.description(), first.sql() + "\n-- edited\nSELECT 1 FROM campaign;")));

        SQLException error = assertThrows(SQLException.class, () -> tampered.migrate(dataSource));
        assertTrue(error.getMessage().contains("V1"), error.getMessage());
    }

    @Test
    void aFailingMigrationLeavesTheSchemaAsItWas() throws SQLException {
        Migrator.shipped().migrate(dataSource);
        List<Migrator.Migration> migrations = new java.util.ArrayList<>(Migrator.shipped().migrations());
        int latest = Migrator.shipped().latestVersion();
        migrations.add(new Migrator.Migration(latest + 1, "broken",
            "CREATE TABLE extra (id INTEGER);\nALTER TABLE nowhere ADD COLUMN x INTEGER;"));
        Migrator broken = new Migrator(migrations);

        assertThrows(SQLException.class, () -> broken.migrate(dataSource));

        try (Connection connection = dataSource.getConnection()) {
            assertEquals(latest, Migrator.currentVersion(connection));
            try (ResultSet rs = connection.getMetaData().getTables(null, null, "EXTRA", null)) {
                assertTrue(!rs.next(), "the table created before the failure was rolled back");
            }
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.executeUpdate(s);
            }
        }
    }
}
