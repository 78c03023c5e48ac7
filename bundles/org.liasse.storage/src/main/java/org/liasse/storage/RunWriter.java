package org.liasse.storage;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;

/**
 * Writes verification runs with JDBC, inside {@link JpaStore#inJdbcTransaction}: the run rows, then a row per control
 * that failed or could not be evaluated and per aggregate (passed and not applicable controls are only counted on the
 * run), in multi-row
 * {@code INSERT … VALUES (…), (…)} statements of up to {@value #ROWS_PER_STATEMENT} rows.
 */
final class RunWriter {

    private static final int ROWS_PER_STATEMENT = 100;
    static final int MESSAGE_LENGTH = 2000;
    private static final int LIST_LENGTH = 4000;
    private static final String RUN = "INSERT INTO verification (dossier_id, dossier_revision, verified_at, actor, "
        + "questionnaire_version, passed, not_applicable, run_trigger, rules_fingerprint) VALUES ";
    private static final String OUTCOME = "INSERT INTO verification_outcome (verification_id, item_no, control_code, "
        + "severity, status, message, involved, cells, rule_version) VALUES ";
    private static final String AGGREGATE = "INSERT INTO verification_aggregate (verification_id, item_no, code, "
        + "label, group_label, unit, error, rule_version, num_value) VALUES ";

    /**
     * Who made runs and why.
     *
     * @param at      when
     * @param actor   login, or the actor of re-verifications
     * @param trigger the plugin change behind a re-verification, {@code null} for a user's run
     */
    record Origin(Instant at, String actor, String trigger) {

        /** To the millisecond, as every database stores it: the runs are found again by their time. */
        Origin {
            at = at.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** A SQL NULL of a type. */
    private record Null(int type) {
    }

    private static final Null NULL_TEXT = new Null(Types.VARCHAR);
    private static final Null NULL_DECIMAL = new Null(Types.DECIMAL);

    /**
     * The run of one dossier.
     *
     * @param dossierId   dossier
     * @param revision    revision verified
     * @param fingerprint fingerprint of the plan's rules
     * @param report      what the plan gave
     */
    record Run(long dossierId, long revision, String fingerprint, ControlReport report) {
    }

    private RunWriter() {
    }

    /**
     * Stores runs made at the same time by the same actor, at most one per dossier.
     *
     * @return the ids of the runs, in order
     */
    static List<Long> write(Connection connection, Origin origin, List<Run> runs) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Run run : runs) {
            ControlReport report = run.report();
            rows.add(new Object[] {run.dossierId(), run.revision(), Timestamp.from(origin.at()), origin.actor(),
                report.questionnaireVersion(), report.withStatus(ControlStatus.PASSED).size(),
                report.withStatus(ControlStatus.NOT_APPLICABLE).size(), origin.trigger() == null ? NULL_TEXT : origin.trigger(), run.fingerprint()});
        }
        insert(connection, RUN, rows);
        Map<Long, Long> ids = ids(connection, origin, runs);
        List<Object[]> outcomes = new ArrayList<>();
        List<Object[]> aggregates = new ArrayList<>();
        List<Long> result = new ArrayList<>();
        for (Run run : runs) {
            long id = ids.get(run.dossierId());
            result.add(id);
            int item = 0;
            for (ControlOutcome o : run.report().outcomes()) {
                if (o.status() == ControlStatus.FAILED || o.status() == ControlStatus.RUNTIME_ERROR) {
                    outcomes.add(new Object[] {id, item, o.code(), o.severity().name(), o.status().name(),
                        cut(o.message(), MESSAGE_LENGTH), cut(Lines.map(o.values()), LIST_LENGTH),
                        cut(Lines.list(o.cells()), LIST_LENGTH), o.ruleVersion()});
                }
                item++;
            }
            item = 0;
            for (AggregateValue a : run.report().aggregates()) {
                aggregates.add(new Object[] {id, item++, a.code(), a.label(), a.group(), a.unit(),
                    cut(a.error(), MESSAGE_LENGTH / 4), a.ruleVersion(),
                    a.value() == null ? NULL_DECIMAL : a.value().setScale(6, RoundingMode.HALF_UP)});
            }
        }
        insert(connection, OUTCOME, outcomes);
        insert(connection, AGGREGATE, aggregates);
        return result;
    }

    /** The ids of the runs just inserted, by dossier: the newest run of each dossier by this actor at this time. */
    private static Map<Long, Long> ids(Connection connection, Origin origin, List<Run> runs) throws SQLException {
        Map<Long, Long> ids = new HashMap<>();
        for (int from = 0; from < runs.size(); from += ROWS_PER_STATEMENT) {
            List<Run> chunk = runs.subList(from, Math.min(runs.size(), from + ROWS_PER_STATEMENT));
            try (PreparedStatement query = connection.prepareStatement("SELECT dossier_id, MAX(id) FROM verification "
                + "WHERE actor = ? AND verified_at = ? AND dossier_id IN ("
                + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") GROUP BY dossier_id")) {
                query.setString(1, origin.actor());
                query.setTimestamp(2, Timestamp.from(origin.at()));
                for (int i = 0; i < chunk.size(); i++) {
                    query.setLong(3 + i, chunk.get(i).dossierId());
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.put(rows.getLong(1), rows.getLong(2));
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Inserts rows with statements of up to {@link #ROWS_PER_STATEMENT} rows each.
     *
     * @param insert {@code INSERT INTO table (columns) VALUES }
     * @param rows   one array of values per row, in the order of the columns
     */
    static void insert(Connection connection, String insert, List<Object[]> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            String row = "(" + String.join(", ", Collections.nCopies(chunk.get(0).length, "?")) + ")";
            try (PreparedStatement statement = connection.prepareStatement(insert
                + String.join(", ", Collections.nCopies(chunk.size(), row)))) {
                int parameter = 1;
                for (Object[] values : chunk) {
                    for (Object value : values) {
                        set(statement, parameter++, value);
                    }
                }
                statement.executeUpdate();
            }
        }
    }

    private static void set(PreparedStatement statement, int parameter, Object value) throws SQLException {
        if (value instanceof Null sqlNull) {
            statement.setNull(parameter, sqlNull.type());
        } else {
            statement.setObject(parameter, value);
        }
    }

    static String cut(String text, int length) {
        return text == null ? "" : text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
