package org.liasse.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the ordered, versioned SQL scripts listed in {@code migrations/index.txt} that the database has not
 * seen yet, each in its own transaction, and records them in {@code schema_history}. A script already applied
 * whose content changed since is refused: migrations are append-only.
 */
final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final String FOLDER = "migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");
    private static final String HISTORY = "schema_history";

    /** One script of the index. */
    record Migration(int version, String description, String sql) {

        String checksum() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        List<String> statements() {
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : sql.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String statement = current.toString().strip();
                    statements.add(statement.substring(0, statement.length() - 1));
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) {
                statements.add(current.toString().strip());
            }
            return statements;
        }
    }

    private final List<Migration> migrations;

    Migrator(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    /** The migrations shipped with this bundle, in order. */
    static Migrator shipped() {
        return new Migrator(load(Integer.MAX_VALUE));
    }

    /** The shipped migrations up to a version, to build an older schema in tests. */
    static Migrator shippedUpTo(int version) {
        return new Migrator(load(version));
    }

    /** The migrations, in order. */
    List<Migration> migrations() {
        return migrations;
    }

    /** Highest version this bundle knows. */
    int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Brings the schema up to date.
     *
     * @return the schema version after migration
     */
    int migrate(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                ensureHistory(connection);
                int current = currentVersion(connection);
                for (Migration migration : migrations) {
                    if (migration.version() <= current) {
                        verifyChecksum(connection, migration);
                    } else {
                        apply(connection, migration);
                        current = migration.version();
                    }
                }
                return current;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Current version recorded in the database, 0 for an empty database. */
    static int currentVersion(Connection connection) throws SQLException {
        if (!historyExists(connection)) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM " + HISTORY)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private void apply(Connection connection, Migration migration) throws SQLException {
        LOG.info("Migration du schéma vers la version {} ({})", migration.version(), migration.description());
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements()) {
                statement.execute(sql);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + HISTORY + " (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, migration.version());
                insert.setString(2, migration.description());
                insert.setString(3, migration.checksum());
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("Échec de la migration V" + migration.version() + " : " + e.getMessage(), e);
        }
    }

    private static void verifyChecksum(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
            "SELECT checksum FROM " + HISTORY + " WHERE version = ?")) {
            select.setInt(1, migration.version());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next() && !migration.checksum().equals(rs.getString(1))) {
                    throw new SQLException("La migration V" + migration.version()
                        + " a été modifiée après avoir été appliquée ; les migrations ne se modifient pas, on en ajoute.");
                }
            }
        }
    }

    private static void ensureHistory(Connection connection) throws SQLException {
        if (historyExists(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + HISTORY + " (version INTEGER NOT NULL PRIMARY KEY, "
                + "description VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            connection.commit();
        }
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(HISTORY, HISTORY.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Migration> load(int upTo) {
        List<Migration> result = new ArrayList<>();
        for (String name : read("index.txt").split("\n")) {
            if (name.isBlank()) {
                continue;
            }
            Matcher matcher = NAME.matcher(name.strip());
            if (!matcher.matches()) {
                throw new IllegalStateException("Nom de migration invalide : " + name);
            }
            int version = Integer.parseInt(matcher.group(1));
            if (version <= upTo) {
                result.add(new Migration(version, matcher.group(2).replace('_', ' '), read(name.strip())));
            }
        }
        return result;
    }

    private static String read(String name) {
        try (InputStream in = Migrator.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Migration introuvable : " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
