package org.liasse.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.plugin.PluginActivation;
import org.liasse.api.plugin.PluginActivations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin activations in table {@code plugin_activation}, over plain JDBC: one row per decision, the latest row of
 * a plugin is its active version and the latest row before it with another version is its previous version.
 */
@Component(service = PluginActivations.class)
public class JdbcPluginActivations implements PluginActivations {

    private static final int TEXT_LENGTH = 200;

    private final DataSource dataSource;

    /**
     * Uses the {@code liasse} DataSource. The store is referenced only so that this component, and the extender that
     * needs it, start after the schema was migrated; it is never called.
     */
    @Activate
    public JdbcPluginActivations(@Reference(target = "(osgi.jndi.service.name=liasse)") DataSource dataSource,
                                 @Reference JpaStore store) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<String, PluginActivation> current() {
        return run(connection -> {
            Map<String, List<Row>> rows = new TreeMap<>();
            for (Row row : rows(connection, null)) {
                rows.computeIfAbsent(row.plugin(), p -> new ArrayList<>()).add(row);
            }
            Map<String, PluginActivation> current = new LinkedHashMap<>();
            rows.forEach((plugin, history) -> current.put(plugin, decision(history)));
            return current;
        });
    }

    @Override
    public Set<String> knownVersions(String plugin) {
        return run(connection -> {
            Set<String> versions = new LinkedHashSet<>();
            rows(connection, plugin).forEach(row -> versions.add(row.version()));
            return versions;
        });
    }

    @Override
    public PluginActivation record(String plugin, String version, String activatedBy) {
        return run(connection -> record(connection, plugin, version, activatedBy));
    }

    @Override
    public PluginActivation record(String plugin, String version, String activatedBy, AuditEvent event) {
        return run(connection -> {
            PluginActivation decision = record(connection, plugin, version, activatedBy);
            JdbcAuditLog.append(connection, event);
            return decision;
        });
    }

    private static PluginActivation record(Connection connection, String plugin, String version, String activatedBy)
        throws SQLException {
        List<Row> history = rows(connection, plugin);
        if (!history.isEmpty() && history.get(history.size() - 1).version().equals(version)) {
            return decision(history);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plugin_activation "
            + "(plugin_id, version, activated_by, activated_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, plugin);
            insert.setString(2, version);
            insert.setString(3, activatedBy.length() > TEXT_LENGTH ? activatedBy.substring(0, TEXT_LENGTH) : activatedBy);
            insert.setTimestamp(4, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)), utc());
            insert.executeUpdate();
        }
        return decision(rows(connection, plugin));
    }

    private record Row(String plugin, String version, String activatedBy, Instant activatedAt) {
    }

    /** The decision of a plugin from its rows, oldest first. */
    private static PluginActivation decision(List<Row> history) {
        Row last = history.get(history.size() - 1);
        String previous = null;
        for (int i = history.size() - 2; i >= 0 && previous == null; i--) {
            if (!history.get(i).version().equals(last.version())) {
                previous = history.get(i).version();
            }
        }
        return new PluginActivation(last.plugin(), last.version(), previous, last.activatedBy(), last.activatedAt());
    }

    private static List<Row> rows(Connection connection, String plugin) throws SQLException {
        String sql = "SELECT plugin_id, version, activated_by, activated_at FROM plugin_activation"
            + (plugin == null ? "" : " WHERE plugin_id = ?") + " ORDER BY id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (plugin != null) {
                select.setString(1, plugin);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4, utc()).toInstant()));
                }
            }
            return rows;
        }
    }

    /** Runs the work in one transaction; the extender takes its decisions one at a time. */
    private <T> T run(JpaStore.SqlWork<T> work) {
        try {
            return JpaStore.inJdbcTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("Décisions d'activation des plugins illisibles : " + e.getMessage(), e);
        }
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
