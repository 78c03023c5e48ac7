package org.liasse.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import org.apache.derby.tools.ij;

/**
 * A Derby database as version 1 of Liasse left it (schema version 1 plus some data), built with the shipped
 * V001 script, so the real assembly can be shown to upgrade it without losing data.
 */
final class LegacyDatabase {

    static final String SIREN = "000000042";
    static final String NAME = "Office ancien schéma (FICTIF)";
    static final String CELL = "BILAN.IMMO.MONTANT";
    static final String VALUE = "987654.32";

    private LegacyDatabase() {
    }

    /** Creates the database and returns its JDBC URL for the assembly. */
    static String create(Path directory) throws SQLException, IOException, NoSuchAlgorithmException {
        String url = "jdbc:derby:" + directory.toAbsolutePath();
        byte[] script;
        try (InputStream in = LegacyDatabase.class.getResourceAsStream(
            "/org/liasse/storage/migrations/V001__initial_schema.sql")) {
            script = in.readAllBytes();
        }
        try (Connection connection = DriverManager.getConnection(url + ";create=true")) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int errors = ij.runScript(connection, new java.io.ByteArrayInputStream(script), "UTF-8", log, "UTF-8");
            if (errors != 0) {
                throw new SQLException("V001 failed: " + log.toString(StandardCharsets.UTF_8));
            }
            String checksum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script));
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE schema_history (version INTEGER NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL)");
                statement.execute("INSERT INTO schema_history VALUES (1, 'initial schema', '" + checksum
                    + "', CURRENT_TIMESTAMP)");
                statement.execute("INSERT INTO organisation (siren, name, org_type, active) VALUES ('" + SIREN + "', '"
                    + NAME.replace("'", "''") + "', 'OPH', TRUE)");
                statement.execute("INSERT INTO campaign VALUES (2025, 'Campagne 2025', '2026-04-01', '2026-07-31', 'OPEN')");
                statement.execute("INSERT INTO dossier (siren, campaign_year, questionnaire_code, questionnaire_version, "
                    + "revision) VALUES ('" + SIREN + "', 2025, 'ER', '2025.1', 4)");
                statement.execute("INSERT INTO cell_value (dossier_id, cell_code, num_value) SELECT id, '" + CELL + "', "
                    + VALUE + " FROM dossier");
            }
        }
        try {
            DriverManager.getConnection(url + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as SQLState 08006.
        }
        return url;
    }
}
