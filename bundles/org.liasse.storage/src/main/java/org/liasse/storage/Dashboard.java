package org.liasse.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.liasse.api.definition.StepDefinition;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.error.LiasseException;
import org.liasse.api.workflow.Completion;
import org.liasse.api.workflow.CompletionQuery;
import org.liasse.api.workflow.CompletionRow;
import org.liasse.api.workflow.ControlState;
import org.liasse.api.workflow.Progress;
import org.liasse.api.workflow.ProgressDay;

/**
 * The completion dashboard of a campaign in five bulk queries whatever the number of organisations: organisations,
 * dossiers, latest verification runs with their counts, latest value changes, and every transition (replayed day by
 * day for the progress chart).
 */
final class Dashboard {

    /** Days are counted in metropolitan French time. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final String ERROR_OUTCOME = "o.severity IN ('ERROR', 'FORMAT') AND o.status IN ('FAILED', "
        + "'RUNTIME_ERROR')";
    private static final String UNJUSTIFIED_WARNING = "o.severity = 'WARNING' AND o.status = 'FAILED' "
        + "AND j.control_code IS NULL";
    private static final String CAMPAIGN_DOSSIERS = "SELECT id FROM dossier WHERE campaign_year = ?";
    private static final Map<String, Comparator<CompletionRow>> ORDERS = Map.of(
        "organisation", Comparator.comparing(CompletionRow::name, String.CASE_INSENSITIVE_ORDER),
        "siren", Comparator.comparing(CompletionRow::siren),
        "questionnaire", Comparator.comparing(CompletionRow::questionnaire),
        "step", Comparator.comparingInt(CompletionRow::stepIndex),
        "activity", Comparator.comparing(CompletionRow::lastActivity, Comparator.nullsFirst(Comparator.naturalOrder())),
        "control", Comparator.comparing(CompletionRow::control),
        "deadline", Comparator.comparing(CompletionRow::deadline),
        "late", Comparator.comparingInt(CompletionRow::daysLate));

    private Dashboard() {
    }

    /** A dossier of the campaign as stored. */
    private record Stored(long id, String step, Instant lastActivity) {
    }

    /** A transition of a listed dossier. */
    private record Move(long dossier, String to, LocalDate day) {
    }

    /** The counts of the latest verification run of a dossier. */
    private record Run(long revision, int errors, int warnings) {
    }

    /**
     * The dashboard of a campaign, as of {@code today}: a row per organisation and questionnaire it files
     * ({@code files} tells from the questionnaire's code and the organisation's type), or has a dossier of;
     * {@code voluntary} tells the same way which of those filings are voluntary.
     */
    static Completion build(Connection connection, Campaign campaign, Function<String, WorkflowDefinition> workflows,
                            BiPredicate<String, String> files, BiPredicate<String, String> voluntary,
                            CompletionQuery query, LocalDate today)
        throws SQLException {
        Comparator<CompletionRow> order = order(query.sort());
        int year = campaign.year();
        Map<String, Stored> dossiers = dossiers(connection, year);
        Map<Long, Run> runs = runs(connection, year);
        Map<Long, Long> changed = lastChanges(connection, year);
        List<CampaignQuestionnaire> questionnaires = questionnaires(campaign, dossiers.keySet());
        Map<String, WorkflowDefinition> steps = new LinkedHashMap<>();
        questionnaires.stream().filter(q -> blank(query.questionnaire()) || q.code().equals(query.questionnaire()))
            .forEach(q -> steps.put(q.code(), workflows.apply(q.code())));

        List<CompletionRow> rows = new ArrayList<>();
        String sql = "SELECT siren, name, org_type, federation, region, department FROM organisation WHERE (active = TRUE "
            + "OR siren IN (SELECT siren FROM dossier WHERE campaign_year = ?))";
        List<String> values = new ArrayList<>();
        for (String[] filter : new String[][] {{"federation", query.federation()}, {"org_type", query.type()},
            {"region", query.region()}, {"department", query.department()}}) {
            if (filter[1] != null && !filter[1].isBlank()) {
                sql += " AND " + filter[0] + " = ?";
                values.add(filter[1].strip());
            }
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, year);
            for (int i = 0; i < values.size(); i++) {
                select.setString(i + 2, values.get(i));
            }
            try (ResultSet org = select.executeQuery()) {
                while (org.next()) {
                    for (CampaignQuestionnaire questionnaire : questionnaires) {
                        WorkflowDefinition workflow = steps.get(questionnaire.code());
                        Stored dossier = dossiers.get(org.getString(1).strip() + " " + questionnaire.code());
                        if (workflow != null && (dossier != null || files.test(questionnaire.code(), org.getString(3)))) {
                            CompletionRow row = row(org, questionnaire, workflow, dossier, runs, changed, today,
                                voluntary.test(questionnaire.code(), org.getString(3)));
                            if (matches(row, query)) {
                                rows.add(row);
                            }
                        }
                    }
                }
            }
        }
        rows.sort(order);
        return new Completion(year, today, rows, progress(connection, campaign, steps, rows, today));
    }

    private static Comparator<CompletionRow> order(String sort) {
        Comparator<CompletionRow> byDefault = Comparator.comparing(CompletionRow::siren)
            .thenComparing(CompletionRow::questionnaire);
        if (blank(sort)) {
            return byDefault;
        }
        String key = sort.strip();
        boolean descending = key.startsWith("-");
        Comparator<CompletionRow> order = ORDERS.get(descending ? key.substring(1) : key);
        if (order == null) {
            throw LiasseException.invalid("tri-inconnu", "Tri inconnu « " + key + " » : possible "
                + String.join(", ", ORDERS.keySet().stream().sorted().toList()) + ", précédé de « - » pour l'ordre "
                + "décroissant.", List.of());
        }
        return (descending ? order.reversed() : order).thenComparing(byDefault);
    }

    private static CompletionRow row(ResultSet org, CampaignQuestionnaire questionnaire, WorkflowDefinition workflow,
                                     Stored dossier, Map<Long, Run> runs, Map<Long, Long> changed, LocalDate today,
                                     boolean voluntary) throws SQLException {
        int count = workflow.steps().size();
        Long id = null;
        String step = null;
        String label = null;
        int index = 0;
        Instant activity = null;
        ControlState control = ControlState.NOT_VERIFIED;
        Integer errors = null;
        Integer warnings = null;
        boolean reverify = false;
        if (dossier != null) {
            id = dossier.id();
            StepDefinition current = workflow.step(dossier.step());
            step = current.code();
            label = current.label();
            index = workflow.index(dossier.step()) + 1;
            activity = dossier.lastActivity();
            Run run = runs.get(id);
            if (run != null) {
                errors = run.errors();
                warnings = run.warnings();
                control = errors > 0 ? ControlState.ERRORS : warnings > 0 ? ControlState.WARNINGS : ControlState.OK;
                reverify = changed.getOrDefault(id, 0L) > run.revision();
            }
        }
        int daysLate = !voluntary && index < count && today.isAfter(questionnaire.deadline())
            ? (int) ChronoUnit.DAYS.between(questionnaire.deadline(), today) : 0;
        return new CompletionRow(org.getString(1).strip(), org.getString(2), org.getString(3), org.getString(4),
            org.getString(5), org.getString(6), questionnaire.code(), id, step, label, index, count, activity, control,
            errors, warnings, reverify, questionnaire.deadline(), daysLate, voluntary);
    }

    private static boolean matches(CompletionRow row, CompletionQuery query) {
        if (!blank(query.step()) && !query.step().equals(row.step() == null ? CompletionQuery.NOT_INITIALISED : row.step())) {
            return false;
        }
        return query.late() == null || query.late() == row.late();
    }

    /** The campaign's questionnaires, or those of its dossiers when it accepts every questionnaire. */
    private static List<CampaignQuestionnaire> questionnaires(Campaign campaign, Set<String> dossierKeys) {
        if (!campaign.questionnaires().isEmpty()) {
            return campaign.questionnaires();
        }
        Set<String> codes = new LinkedHashSet<>();
        dossierKeys.stream().map(key -> key.substring(key.indexOf(' ') + 1)).sorted().forEach(codes::add);
        return codes.stream().map(code -> new CampaignQuestionnaire(code, null, campaign.deadline())).toList();
    }

    private static Map<String, Stored> dossiers(Connection connection, int year) throws SQLException {
        Map<String, Stored> dossiers = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, siren, questionnaire_code, step, "
            + "last_activity FROM dossier WHERE campaign_year = ?")) {
            select.setInt(1, year);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp activity = rows.getTimestamp(5);
                    dossiers.put(rows.getString(2).strip() + " " + rows.getString(3), new Stored(rows.getLong(1),
                        rows.getString(4), activity == null ? null : activity.toInstant()));
                }
            }
        }
        return dossiers;
    }

    private static Map<Long, Run> runs(Connection connection, int year) throws SQLException {
        Map<Long, Run> runs = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT v.dossier_id, v.dossier_revision, "
            + "SUM(CASE WHEN " + ERROR_OUTCOME + " THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN " + UNJUSTIFIED_WARNING + " THEN 1 ELSE 0 END) "
            + "FROM verification v "
            + "JOIN (SELECT dossier_id, MAX(id) AS latest FROM verification WHERE dossier_id IN (" + CAMPAIGN_DOSSIERS
            + ") GROUP BY dossier_id) l ON v.id = l.latest "
            + "LEFT JOIN verification_outcome o ON o.verification_id = v.id "
            + "LEFT JOIN justification j ON j.dossier_id = v.dossier_id AND j.control_code = o.control_code "
            + "GROUP BY v.dossier_id, v.dossier_revision")) {
            select.setInt(1, year);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.put(rows.getLong(1), new Run(rows.getLong(2), rows.getInt(3), rows.getInt(4)));
                }
            }
        }
        return runs;
    }

    /** The revision of the last change of values of each dossier of the campaign. */
    private static Map<Long, Long> lastChanges(Connection connection, int year) throws SQLException {
        Map<Long, Long> values = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT dossier_id, MAX(revision) "
            + "FROM cell_history WHERE dossier_id IN (" + CAMPAIGN_DOSSIERS + ") GROUP BY dossier_id")) {
            select.setInt(1, year);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return values;
    }

    /**
     * Replays the transitions of the dossiers listed, day by day from the campaign's opening to today (or to the
     * campaign's closing date when the last change is older).
     */
    private static List<Progress> progress(Connection connection, Campaign campaign,
                                           Map<String, WorkflowDefinition> workflows, List<CompletionRow> rows,
                                           LocalDate today) throws SQLException {
        Map<Long, String> listed = new HashMap<>();
        Map<String, int[]> atStep = new LinkedHashMap<>();
        workflows.forEach((code, workflow) -> atStep.put(code, new int[workflow.steps().size()]));
        for (CompletionRow row : rows) {
            if (row.dossierId() != null) {
                listed.put(row.dossierId(), row.questionnaire());
                atStep.get(row.questionnaire())[0]++;
            }
        }
        Map<Long, Integer> position = new HashMap<>();
        List<Move> moves = new ArrayList<>();
        LocalDate last = campaign.deadline();
        try (PreparedStatement select = connection.prepareStatement("SELECT t.dossier_id, t.to_step, t.transition_at "
            + "FROM dossier_transition t JOIN dossier d ON d.id = t.dossier_id WHERE d.campaign_year = ? "
            + "ORDER BY t.transition_at, t.id")) {
            select.setInt(1, campaign.year());
            try (ResultSet transitions = select.executeQuery()) {
                while (transitions.next()) {
                    long dossier = transitions.getLong(1);
                    if (listed.containsKey(dossier)) {
                        LocalDate day = transitions.getTimestamp(3).toInstant().atZone(PARIS).toLocalDate();
                        moves.add(new Move(dossier, transitions.getString(2), day));
                        last = day.isAfter(last) ? day : last;
                    }
                }
            }
        }
        LocalDate end = today.isBefore(last) ? today : last;
        Map<String, List<ProgressDay>> days = new LinkedHashMap<>();
        atStep.keySet().forEach(q -> days.put(q, new ArrayList<>()));
        int next = 0;
        for (LocalDate day = campaign.opening(); !day.isAfter(end); day = day.plusDays(1)) {
            for (; next < moves.size() && !moves.get(next).day().isAfter(day); next++) {
                Move move = moves.get(next);
                String questionnaire = listed.get(move.dossier());
                int[] counts = atStep.get(questionnaire);
                int to = workflows.get(questionnaire).index(move.to());
                counts[position.getOrDefault(move.dossier(), 0)]--;
                counts[to]++;
                position.put(move.dossier(), to);
            }
            for (Map.Entry<String, int[]> entry : atStep.entrySet()) {
                List<Integer> reached = new ArrayList<>();
                int beyond = 0;
                for (int i = entry.getValue().length - 1; i >= 1; i--) {
                    beyond += entry.getValue()[i];
                    reached.add(0, beyond);
                }
                days.get(entry.getKey()).add(new ProgressDay(day, reached));
            }
        }
        return days.entrySet().stream().map(e -> new Progress(e.getKey(), workflows.get(e.getKey()).steps(),
            e.getValue())).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
