package org.liasse.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.liasse.api.audit.AuditFilter;

/**
 * The SQL that reads one page of filtered audit entries, newest first, with its parameters in order. Standard
 * {@code OFFSET … FETCH NEXT} paging, understood by Derby and PostgreSQL.
 *
 * @param sql        the statement, with {@code ?} placeholders only
 * @param parameters the placeholders' values: strings, timestamps (UTC), integers and longs
 * @param empty      whether no entry can match (an empty set of organisations), so that nothing need be read
 */
record AuditQuery(String sql, List<Object> parameters, boolean empty) {

    /** Builds the query for the filter; the columns are {@code columns}, the table {@code audit_entry}. */
    static AuditQuery of(String columns, AuditFilter filter, int offset, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filter.sirens() != null) {
            conditions.add("siren IN (" + filter.sirens().stream().map(s -> "?").collect(Collectors.joining(", ")) + ")");
            parameters.addAll(filter.sirens().stream().sorted().toList());
        }
        if (filter.actor() != null) {
            conditions.add("actor = ?");
            parameters.add(filter.actor());
        }
        if (filter.action() != null) {
            conditions.add("action = ?");
            parameters.add(filter.action());
        }
        if (filter.from() != null) {
            conditions.add("recorded_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("recorded_at < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
        if (filter.last() != null) {
            conditions.add("seq <= ?");
            parameters.add(filter.last());
        }
        parameters.add(Math.max(offset, 0));
        parameters.add(limit);
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new AuditQuery("SELECT " + columns + " FROM audit_entry" + where
            + " ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", List.copyOf(parameters),
            limit <= 0 || filter.sirens() != null && filter.sirens().isEmpty());
    }

    /** Sets the parameters on the statement prepared from {@link #sql()}. */
    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Timestamp at) {
                statement.setTimestamp(i + 1, at, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }
}
