package org.liasse.storage;

import java.sql.Connection;
import java.sql.SQLException;
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
        inTransaction(em -> em.createQuery("SELECT COUNT(c) FROM CampaignEntity c").getSingleResult());
    }

    /**
     * Runs the work in one transaction, committed on success and rolled back on any exception. Database failures
     * become a {@link LiasseException}: 503 when the database cannot be reached, 409 when a concurrent change won.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        try {
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
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /**
     * Runs plain JDBC work in one transaction, for bulk writes in batches that JPA would send row by row. Committed
     * on success and rolled back on any exception; database failures are translated as by {@link #inTransaction}.
     */
    public <T> T inJdbcTransaction(SqlWork<T> work) {
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
        } catch (SQLException e) {
            throw translate(new PersistenceException(e));
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
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08")) {
                    LOG.warn("Base de données injoignable : {}", sql.getMessage());
                    return new LiasseException(503, "base-indisponible",
                        "La base de données est momentanément indisponible ; réessayez dans quelques instants.");
                }
                if (state.startsWith("23") || state.startsWith("40")) {
                    return LiasseException.conflict("modification-concurrente",
                        "Une autre modification a été enregistrée au même moment ; rechargez puis recommencez.");
                }
            }
        }
        return error;
    }
}
