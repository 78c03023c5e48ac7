package org.liasse.storage;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.liasse.api.health.HealthIndicator;
import org.liasse.api.health.HealthStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Reports whether the configured database answers and its schema is up to date. */
@Component(service = HealthIndicator.class)
public class DatabaseHealth implements HealthIndicator {

    private final int expectedVersion = Migrator.shipped().latestVersion();

    @Reference(target = "(osgi.jndi.service.name=liasse)", cardinality = ReferenceCardinality.OPTIONAL,
        policy = ReferencePolicy.DYNAMIC)
    private volatile DataSource dataSource;

    @Override
    public String component() {
        return "database";
    }

    @Override
    public HealthStatus check() {
        DataSource source = dataSource;
        if (source == null) {
            return HealthStatus.down("Aucune source de données « liasse » n'est configurée.");
        }
        try (Connection connection = source.getConnection()) {
            if (!connection.isValid(2)) {
                return HealthStatus.down("La base de données ne répond pas.");
            }
            int version = Migrator.currentVersion(connection);
            if (version < expectedVersion) {
                return HealthStatus.down("Schéma en version " + version + ", " + expectedVersion + " attendue.");
            }
            return HealthStatus.up(connection.getMetaData().getDatabaseProductName() + ", schéma en version " + version);
        } catch (SQLException e) {
            return HealthStatus.down("La base de données est injoignable.");
        }
    }
}
