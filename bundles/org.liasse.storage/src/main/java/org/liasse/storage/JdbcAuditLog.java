package org.liasse.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import javax.persistence.EntityManager;
import javax.sql.DataSource;

import org.apache.openjpa.persistence.OpenJPAEntityManager;
import org.apache.openjpa.persistence.OpenJPAPersistence;
import org.liasse.api.audit.AuditEntry;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditFilter;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.audit.AuditVerification;
import org.liasse.api.error.LiasseException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in table {@code audit_entry}, over plain JDBC. An entry that records a change is appended in the
 * transaction of that change ({@link #append(EntityManager, AuditEvent)}): it is committed or rolled back with it.
 * Each append locks the table until its transaction ends, so that appends from any process chain one after the
 * other; a change therefore appends its entry last, just before it commits. Instants are stored in UTC at
 * millisecond precision, so that a hash computed before the write still matches the entry read back.
 */
@Component(service = AuditLog.class)
public class JdbcAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final String COLUMNS = "seq, recorded_at, action, actor, remote_address, siren, target, details, hash";
    private static final int FETCH_SIZE = 500;
    private static final int ACTION_LENGTH = 120;
    private static final int ACTOR_LENGTH = 120;
    private static final int REMOTE_ADDRESS_LENGTH = 64;
    private static final int TARGET_LENGTH = 400;
    private static final int DETAILS_LENGTH = 4000;

    private final DataSource dataSource;

    /**
     * Uses the {@code liasse} DataSource. The store is referenced only so that this component starts after the
     * schema was migrated; it is never called.
     */
    @Activate
    public JdbcAuditLog(@Reference(target = "(osgi.jndi.service.name=liasse)") DataSource dataSource,
                        @Reference JpaStore store) {
        this.dataSource = dataSource;
    }

    /**
     * Appends the event in its own transaction, for events that change nothing else (a refused sign-in, a read).
     * Text longer than its column is shortened and ends with "…".
     *
     * @throws IllegalArgumentException when the action or the actor is missing, or the SIREN is not 9 digits
     */
    @Override
    public AuditEntry record(AuditEvent event) {
        AuditEvent fitted = fit(event);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                AuditEntry entry = appendLocked(connection, fitted);
                connection.commit();
                return entry;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw unavailable("L'événement n'a pas pu être inscrit au journal d'audit", e);
        }
    }

    /**
     * Appends the event in the transaction of the unit of work {@code em} (see {@link JpaStore#inTransaction}), on
     * its connection: the entry is committed with the change it records, or rolled back with it. Pending changes
     * are flushed first, which makes OpenJPA hold the transaction's connection (and refuse when there is no transaction).
     *
     * @throws IllegalArgumentException when the action or the actor is missing, or the SIREN is not 9 digits
     */
    static AuditEntry append(EntityManager em, AuditEvent event) {
        AuditEvent fitted = fit(event);
        OpenJPAEntityManager jpa = OpenJPAPersistence.cast(em);
        jpa.flush();
        try (Connection connection = (Connection) jpa.getConnection()) {
            return appendLocked(connection, fitted);
        } catch (SQLException e) {
            throw unavailable("L'événement n'a pas pu être inscrit au journal d'audit", e);
        }
    }

    @Override
    public List<AuditEntry> list(AuditFilter filter, int offset, int limit) {
        AuditQuery query = AuditQuery.of(COLUMNS, filter, offset, limit);
        if (query.empty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(query.sql())) {
            query.bind(select);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw unavailable("Le journal d'audit n'a pas pu être lu", e);
        }
    }

    /** Reads the whole table in one query, streamed in sequence order. */
    @Override
    public AuditVerification verify() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // Some drivers (PostgreSQL) stream a result set only within a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + ", previous_hash FROM audit_entry ORDER BY seq")) {
                select.setFetchSize(FETCH_SIZE);
                AuditChain.Verifier verifier = new AuditChain.Verifier();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        verifier.accept(new AuditChain.Row(entry(rs), rs.getString("previous_hash")));
                    }
                }
                connection.commit();
                return verifier.result();
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw unavailable("Le journal d'audit n'a pas pu être vérifié", e);
        }
    }

    /**
     * Appends the event in the transaction of plain JDBC work ({@link JpaStore#inJdbcTransaction}), on its
     * connection: committed or rolled back with that work.
     *
     * @throws IllegalArgumentException when the action or the actor is missing, or the SIREN is not 9 digits
     */
    static AuditEntry append(Connection connection, AuditEvent event) throws SQLException {
        return appendLocked(connection, fit(event));
    }

    /** Locks the table until the transaction ends, then chains the entry after the last one. */
    private static AuditEntry appendLocked(Connection connection, AuditEvent event) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute("LOCK TABLE audit_entry IN EXCLUSIVE MODE");
        }
        return insertAfterLast(connection, event);
    }

    private static AuditEntry insertAfterLast(Connection connection, AuditEvent event) throws SQLException {
        long sequence = 1;
        String previousHash = AuditChain.GENESIS;
        try (PreparedStatement last = connection.prepareStatement(
            "SELECT seq, hash FROM audit_entry WHERE seq = (SELECT MAX(seq) FROM audit_entry)");
             ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                sequence = rs.getLong(1) + 1;
                previousHash = rs.getString(2);
            }
        }
        Instant at = AuditChain.truncate(Instant.now());
        String hash = AuditChain.hash(previousHash, sequence, at, event);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (" + COLUMNS
            + ", previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, sequence);
            insert.setTimestamp(2, Timestamp.from(at), utc());
            insert.setString(3, event.action());
            insert.setString(4, event.actor());
            insert.setString(5, event.remoteAddress());
            insert.setString(6, event.siren());
            insert.setString(7, event.target());
            insert.setString(8, event.details());
            insert.setString(9, hash);
            insert.setString(10, previousHash);
            insert.executeUpdate();
        }
        return new AuditEntry(sequence, at, event, hash);
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        AuditEvent event = new AuditEvent(rs.getString("action"), rs.getString("actor"),
            rs.getString("remote_address"), rs.getString("siren"), rs.getString("target"), rs.getString("details"));
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("recorded_at", utc()).toInstant(), event,
            rs.getString("hash"));
    }

    /** A new calendar each time: JDBC drivers may modify the one they are given. */
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    private static AuditEvent fit(AuditEvent event) {
        if (event.action() == null || event.action().isBlank()) {
            throw new IllegalArgumentException("Événement d'audit sans action.");
        }
        if (event.actor() == null || event.actor().isBlank()) {
            throw new IllegalArgumentException("Événement d'audit sans auteur (« anonyme » s'il n'est pas connu).");
        }
        if (event.siren() != null && !event.siren().matches("\\d{9}")) {
            throw new IllegalArgumentException("SIREN invalide dans l'événement d'audit : " + event.siren());
        }
        return new AuditEvent(shorten(event.action(), ACTION_LENGTH), shorten(event.actor(), ACTOR_LENGTH),
            shorten(event.remoteAddress(), REMOTE_ADDRESS_LENGTH), event.siren(),
            shorten(event.target(), TARGET_LENGTH), shorten(event.details(), DETAILS_LENGTH));
    }

    private static String shorten(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = length - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static LiasseException unavailable(String what, SQLException error) {
        LOG.warn("{} : {} (SQLState {})", what, error.getMessage(), error.getSQLState());
        return new LiasseException(503, "base-indisponible",
            what + " : la base de données est momentanément indisponible ; réessayez dans quelques instants.");
    }
}
