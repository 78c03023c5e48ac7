package org.liasse.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liasse.api.verification.ImpactLine;
import org.liasse.api.verification.ImpactReport;
import org.liasse.api.verification.ImpactService;
import org.liasse.api.verification.ImpactState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Impact reports as {@link Reverification} stored them. For a federation operator, lines are those of the
 * federation's organisations and the totals are computed over them.
 */
@Component(service = ImpactService.class)
public class JpaImpactService implements ImpactService {

    private static final String REPORT = "SELECT id, questionnaire_code, campaign_year, run_trigger, started_at, "
        + "finished_at, state, error, dossiers, affected, newly_failing, newly_passing, read_ms, evaluation_ms, "
        + "storing_ms FROM impact_report";
    private static final String LINES = "SELECT l.report_id, l.siren, l.dossier_id, l.newly_failing, l.newly_passing "
        + "FROM impact_line l JOIN organisation o ON o.siren = l.siren WHERE ";

    private final JpaStore store;

    /** Uses the shared database. */
    @Activate
    public JpaImpactService(@Reference JpaStore store) {
        this.store = store;
    }

    @Override
    public List<ImpactReport> list(String federation) {
        return store.inJdbcTransaction(connection -> {
            Map<Long, List<ImpactLine>> lines = federation == null ? Map.of() : lines(connection, null, federation);
            List<ImpactReport> reports = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(REPORT + " ORDER BY id DESC");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    reports.add(report(rows, lines.getOrDefault(id, List.of()), federation, false));
                }
            }
            return reports;
        });
    }

    @Override
    public Optional<ImpactReport> find(long id, String federation) {
        return store.inJdbcTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(REPORT + " WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    List<ImpactLine> lines = lines(connection, id, federation).getOrDefault(id, List.of());
                    return Optional.of(report(rows, lines, federation, true));
                }
            }
        });
    }

    /** Lines of one report or all, of one federation's organisations or all, by report, in order of dossier. */
    private static Map<Long, List<ImpactLine>> lines(Connection connection, Long report, String federation)
        throws SQLException {
        String sql = LINES + (report == null ? "1 = 1" : "l.report_id = ?")
            + (federation == null ? "" : " AND o.federation = ?") + " ORDER BY l.dossier_id";
        Map<Long, List<ImpactLine>> lines = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (report != null) {
                query.setLong(parameter++, report);
            }
            if (federation != null) {
                query.setString(parameter, federation);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ImpactLine line = new ImpactLine(rows.getString(2), rows.getLong(3), Lines.list(rows.getString(4)),
                        Lines.list(rows.getString(5)));
                    lines.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(line);
                }
            }
        }
        return lines;
    }

    /**
     * A report from its row, with its lines when asked; for a federation operator, the totals are computed over the
     * lines of the federation's organisations.
     */
    private static ImpactReport report(ResultSet rows, List<ImpactLine> lines, String federation, boolean withLines)
        throws SQLException {
        Timestamp finished = rows.getTimestamp(6);
        boolean narrowed = federation != null;
        return new ImpactReport(rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getString(4),
            rows.getTimestamp(5).toInstant(), finished == null ? null : finished.toInstant(),
            ImpactState.valueOf(rows.getString(7)), rows.getString(8), rows.getInt(9),
            narrowed ? lines.size() : rows.getInt(10),
            narrowed ? lines.stream().mapToInt(line -> line.newlyFailing().size()).sum() : rows.getInt(11),
            narrowed ? lines.stream().mapToInt(line -> line.newlyPassing().size()).sum() : rows.getInt(12),
            rows.getLong(13), rows.getLong(14), rows.getLong(15), withLines ? lines : List.of());
    }
}
