package org.liasse.storage;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** Embedded Derby databases for the tests, in a temporary folder. */
final class Derby {

    private Derby() {
    }

    /** A new, empty database in the folder. */
    static EmbeddedDataSource empty(Path dir) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(dir.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    /**
     * The store of the shipped persistence unit over the database, which the store migrates. Each call makes a new
     * persistence unit, as a restart would.
     */
    static JpaStore store(EmbeddedDataSource dataSource) throws SQLException {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("liasse",
            Map.of("openjpa.ConnectionFactory", dataSource));
        return new JpaStore(dataSource, factory);
    }

    /** How many rows a table holds. */
    static long count(JpaStore store, String table) {
        return store.inJdbcTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The actions of the audit log's latest 100 entries, newest first. */
    static List<String> actions(JdbcAuditLog log) {
        return log.list(null, 100).stream().map(e -> e.event().action()).toList();
    }

    /** A new database in the folder, with the shipped schema. */
    static EmbeddedDataSource migrated(Path dir) throws SQLException {
        EmbeddedDataSource dataSource = empty(dir);
        Migrator.shipped().migrate(dataSource);
        return dataSource;
    }
}
