package org.liasse.storage;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;
import javax.sql.DataSource;

import org.liasse.api.error.LiasseException;
import org.liasse.api.health.HealthIndicator;
import org.liasse.api.health.HealthStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the persistence unit: migrates the schema before first use, warms the EntityManagerFactory so no user
 * waits for it, and runs units of work in one resource-local transaction. Reports the component {@code storage},
 * up once the schema is migrated and the persistence unit ready.
 */
@Component(service = {JpaStore.class, HealthIndicator.class})
public class JpaStore implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);
    private static final int ATTEMPTS = 3;
    private static final int PREALLOCATED = 1000;
    /** SQLStates of a transient refusal: deadlock, lock timeout (Derby's sequence contention too). */
    private static final Set<String> TRANSIENT = Set.of("40001", "40XL1", "40XL2");

    private final DataSource dataSource;
    private final EntityManagerFactory factory;

    /** JDBC work on one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {

        /** Does the work; the transaction is committed or rolled back by the caller. */
        T apply(Connection connection) throws SQLException;
    }

    /** Migrates the schema, then warms the persistence unit. */
    @Activate
    public JpaStore(@Reference(target = "(osgi.jndi.service.name=liasse)") DataSource dataSource,
                    @Reference(target = "(osgi.unit.name=liasse)") EntityManagerFactory factory) throws SQLException {
        this.dataSource = dataSource;
        this.factory = factory;
        int version = Migrator.shipped().migrate(dataSource);
        LOG.info("Schéma de la base à la version {}", version);
        preallocateIdentities(dataSource);
        inTransaction(em -> em.createQuery("SELECT COUNT(c) FROM CampaignEntity c").getSingleResult());
    }

    /**
     * On Derby, makes identity columns take their values {@value #PREALLOCATED} at a time instead of 100: each new
     * range is a write to the catalog that concurrent inserts wait for, and may time out on (SQLState 40XL1). The
     * setting is kept in the database; it applies to the generators Derby creates from then on.
     */
    private static void preallocateIdentities(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().contains("Derby")) {
                return;
            }
            try (CallableStatement call = connection.prepareCall(
                "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.language.sequence.preallocator', ?)")) {
                call.setString(1, Integer.toString(PREALLOCATED));
                call.execute();
            }
        }
    }

    /**
     * Runs the work in one transaction, committed on success and rolled back on any exception. Database failures
     * become a {@link LiasseException}: 503 when the database cannot be reached, 409 when a concurrent change won.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        try {
            return once(work);
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /**
     * {@link #inTransaction} for work that touches nothing but the database (no audit entry, mail or file written on
     * the side): when the database refuses it for a transient lock or contention (SQLState {@code 40001} deadlock,
     * {@code 40XL1}/{@code 40XL2} lock timeout, as Derby raises when concurrent inserts contend for an identity
     * column's sequence), it is rolled back and run again, up to {@value #ATTEMPTS} times in all.
     */
    public <T> T inRetriedTransaction(Function<EntityManager, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (PersistenceException e) {
                String state = sqlState(e);
                if (attempt == ATTEMPTS || !TRANSIENT.contains(state)) {
                    throw translate(e);
                }
                LOG.info("Transaction refusée par la base (SQLState {}, tentative {}/{}) : elle est rejouée", state,
                    attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    private <T> T once(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** A short random pause before another attempt, longer at each one, so that contenders do not meet again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The SQLState of the first SQL exception among the causes, or {@code null}. */
    private static String sqlState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * Runs plain JDBC work in one transaction, for bulk writes in batches that JPA would send row by row. Committed
     * on success and rolled back on any exception; database failures are translated as by {@link #inTransaction}.
     */
    public <T> T inJdbcTransaction(SqlWork<T> work) {
        try {
            return inJdbcTransaction(dataSource, work);
        } catch (SQLException e) {
            throw translate(new PersistenceException(e));
        }
    }

    /**
     * Runs plain JDBC work in one transaction on a connection of a DataSource, for components that start before the
     * store: committed on success, rolled back on any exception, which is passed on.
     */
    static <T> T inJdbcTransaction(DataSource dataSource, SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    @Override
    public String component() {
        return "storage";
    }

    @Override
    public HealthStatus check() {
        return HealthStatus.up("Schéma migré, unité de persistance prête");
    }

    private static RuntimeException translate(PersistenceException error) {
        String state = sqlState(error);
        if (state != null && state.startsWith("08")) {
            LOG.warn("Base de données injoignable (SQLState {}) : {}", state, error.getMessage());
            return new LiasseException(503, "base-indisponible",
                "La base de données est momentanément indisponible ; réessayez dans quelques instants.");
        }
        if (state != null && (state.startsWith("23") || state.startsWith("40"))) {
            LOG.warn("Écriture refusée par la base (SQLState {}), répondue comme modification concurrente : {}", state,
                error.getMessage());
            return LiasseException.conflict("modification-concurrente",
                "Une autre modification a été enregistrée au même moment ; rechargez puis recommencez.");
        }
        return error;
    }
}
