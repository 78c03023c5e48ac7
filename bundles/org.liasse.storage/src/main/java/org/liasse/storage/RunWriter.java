package org.liasse.storage;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;

/**
 * Writes verification runs with JDBC: the run row, then the outcome rows of the controls that did not pass and the
 * aggregate rows, sent in batches (passed controls are only counted on the run). Used inside
 * {@link JpaStore#inJdbcTransaction}; {@link #close} sends what is left.
 */
final class RunWriter implements AutoCloseable {

    /** Rows per batch. */
    private static final int BATCH = 500;
    static final int MESSAGE_LENGTH = 2000;
    private static final int LIST_LENGTH = 4000;

    /**
     * Who made a run and why.
     *
     * @param at          when
     * @param actor       login, or the actor of re-verifications
     * @param trigger     the plugin change behind a re-verification, {@code null} for a user's run
     * @param fingerprint the fingerprint of the plan's rules
     */
    record Origin(Instant at, String actor, String trigger, String fingerprint) {
    }

    private final PreparedStatement run;
    private final PreparedStatement outcome;
    private final PreparedStatement aggregate;
    private int pending;

    RunWriter(Connection connection) throws SQLException {
        run = connection.prepareStatement("INSERT INTO verification (dossier_id, dossier_revision, verified_at, actor, "
            + "questionnaire_version, passed, run_trigger, rules_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS);
        outcome = connection.prepareStatement("INSERT INTO verification_outcome (verification_id, item_no, "
            + "control_code, severity, status, message, involved, cells, rule_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        aggregate = connection.prepareStatement("INSERT INTO verification_aggregate (verification_id, item_no, code, "
            + "label, group_label, unit, error, rule_version, num_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Stores the run of one dossier at a revision; returns its id. */
    long add(long dossierId, long dossierRevision, Origin origin, ControlReport report) throws SQLException {
        int passed = report.withStatus(ControlStatus.PASSED).size();
        run.setLong(1, dossierId);
        run.setLong(2, dossierRevision);
        run.setTimestamp(3, Timestamp.from(origin.at()));
        run.setString(4, origin.actor());
        run.setString(5, report.questionnaireVersion());
        run.setInt(6, passed);
        run.setString(7, origin.trigger());
        run.setString(8, origin.fingerprint());
        run.executeUpdate();
        long id;
        try (ResultSet keys = run.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
        }
        int item = 0;
        for (ControlOutcome o : report.outcomes()) {
            if (o.status() != ControlStatus.PASSED) {
                outcome.setLong(1, id);
                outcome.setInt(2, item);
                outcome.setString(3, o.code());
                outcome.setString(4, o.severity().name());
                outcome.setString(5, o.status().name());
                outcome.setString(6, cut(o.message(), MESSAGE_LENGTH));
                outcome.setString(7, cut(Lines.map(o.values()), LIST_LENGTH));
                outcome.setString(8, cut(Lines.list(o.cells()), LIST_LENGTH));
                outcome.setString(9, o.ruleVersion());
                outcome.addBatch();
                pending++;
            }
            item++;
        }
        item = 0;
        for (AggregateValue a : report.aggregates()) {
            aggregate.setLong(1, id);
            aggregate.setInt(2, item++);
            aggregate.setString(3, a.code());
            aggregate.setString(4, a.label());
            aggregate.setString(5, a.group());
            aggregate.setString(6, a.unit());
            aggregate.setString(7, cut(a.error(), MESSAGE_LENGTH / 4));
            aggregate.setString(8, a.ruleVersion());
            if (a.value() == null) {
                aggregate.setNull(9, Types.DECIMAL);
            } else {
                aggregate.setBigDecimal(9, a.value().setScale(6, RoundingMode.HALF_UP));
            }
            aggregate.addBatch();
            pending++;
        }
        if (pending >= BATCH) {
            flush();
        }
        return id;
    }

    private void flush() throws SQLException {
        outcome.executeBatch();
        aggregate.executeBatch();
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            run.close();
            outcome.close();
            aggregate.close();
        }
    }

    static String cut(String text, int length) {
        return text == null ? "" : text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
