package org.liasse.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.control.ControlChangeListener;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.control.ControlInfo;
import org.liasse.api.control.ControlPlan;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.verification.ImpactLine;
import org.liasse.api.verification.ImpactState;
import org.liasse.api.verification.Verification;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-verifies in the background, when the controls of a questionnaire change, every dossier of each open campaign
 * whose latest verification was made with other rules, and stores an impact report (per dossier, the controls newly
 * failing and newly passing). The campaign's values are read in bulk: one scan of the questionnaire, and one of year
 * N-1 and of each other questionnaire only when the rules read them. The new runs join the dossiers' history.
 */
@Component(service = ControlChangeListener.class, immediate = true)
public class Reverification implements ControlChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(Reverification.class);
    /** Runs stored per transaction. */
    private static final int RUNS_PER_TRANSACTION = 200;
    private static final int CODES_LENGTH = 4000;

    /** A dossier's latest verification: its organisation, version, rules and failing controls. */
    private record Latest(String siren, String version, String fingerprint, Set<String> failing) {
    }

    /** A dossier evaluated again: its new run, and its organisation and failing controls before. */
    private record Result(RunWriter.Run run, String siren, Set<String> before) {
    }

    private final JpaStore store;
    private final DossierService dossiers;
    private final CampaignService campaigns;
    private final ControlEngine engine;
    /** Questionnaire code to the trigger of its interrupted re-verification, until it is run again. */
    private final Map<String, String> resumed = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "liasse-reverification");
        thread.setDaemon(true);
        return thread;
    });

    /** Uses the shared persistence unit, the dossiers, the campaigns and the compiled controls. */
    @Activate
    public Reverification(@Reference JpaStore store, @Reference DossierService dossiers,
                          @Reference CampaignService campaigns, @Reference ControlEngine engine) {
        this.store = store;
        this.dossiers = dossiers;
        this.campaigns = campaigns;
        this.engine = engine;
        resumeInterrupted();
    }

    /**
     * Marks the reports a crash left {@code RUNNING} as {@code INTERRUPTED} and queues their re-verification again,
     * before any change told from now on: the dossiers they had not re-verified yet are, under the same trigger. When
     * the plugins are not loaded yet, nothing is stale yet: the first re-verification of the questionnaire that finds
     * stale dossiers, whatever told it, is the one run again and carries that trigger.
     */
    private void resumeInterrupted() {
        Map<String, Set<String>> interrupted;
        try {
            interrupted = store.inJdbcTransaction(Reverification::markInterrupted);
        } catch (RuntimeException e) {
            LOG.error("Les revérifications interrompues par un arrêt du serveur n'ont pas pu être reprises", e);
            return;
        }
        interrupted.forEach((trigger, codes) -> {
            LOG.info("Revérification {} après {} interrompue par l'arrêt du serveur : elle reprend", codes, trigger);
            codes.forEach(code -> resumed.put(code, trigger));
            worker.execute(() -> reverify(codes, trigger));
        });
    }

    /** Marks the {@code RUNNING} reports {@code INTERRUPTED}; their questionnaire codes by trigger. */
    private static Map<String, Set<String>> markInterrupted(Connection connection) throws SQLException {
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(
            "SELECT questionnaire_code, run_trigger FROM impact_report WHERE state = 'RUNNING' ORDER BY id")) {
            while (rows.next()) {
                codes.computeIfAbsent(rows.getString(2), t -> new TreeSet<>()).add(rows.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE impact_report SET state = ?, "
            + "finished_at = ?, error = ? WHERE state = ?")) {
            update.setString(1, ImpactState.INTERRUPTED.name());
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.setString(3, "interrompue par l'arrêt du serveur ; reprise au démarrage suivant");
            update.setString(4, ImpactState.RUNNING.name());
            update.executeUpdate();
        }
        return codes;
    }

    /** Stops the background thread; a re-verification under way ends as failed at its next step. */
    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("La revérification en cours ne s'est pas arrêtée à temps");
        }
    }

    @Override
    public void controlsChanged(Set<String> questionnaireCodes, String trigger) {
        Set<String> codes = new TreeSet<>(questionnaireCodes);
        try {
            worker.execute(() -> reverify(codes, trigger));
        } catch (RejectedExecutionException e) {
            LOG.info("Revérification de {} abandonnée : le service s'arrête", codes);
        }
    }

    private void reverify(Set<String> codes, String trigger) {
        for (Campaign campaign : campaigns.list()) {
            for (String code : codes) {
                if (campaign.state() == CampaignState.OPEN && campaign.questionnaire(code).isPresent()
                    && !Thread.currentThread().isInterrupted()) {
                    try {
                        run(campaign.year(), code, trigger);
                    } catch (RuntimeException e) {
                        LOG.error("Revérification {} {} après {} impossible", code, campaign.year(), trigger, e);
                    }
                }
            }
        }
    }

    /**
     * Re-verifies the dossiers of one questionnaire and campaign whose latest run was made with other rules.
     *
     * @return the impact report's id, or empty when no such dossier exists
     */
    Optional<Long> run(int year, String code, String told) {
        Instant started = Instant.now();
        Map<Long, Latest> latest = store.inJdbcTransaction(connection -> latest(connection, year, code));
        Map<String, Optional<ControlPlan>> plans = new HashMap<>();
        Map<Long, Latest> stale = new LinkedHashMap<>();
        latest.forEach((id, run) -> plans.computeIfAbsent(run.version(), version -> engine.plan(code, version))
            .filter(plan -> !plan.fingerprint().equals(run.fingerprint()))
            .ifPresent(plan -> stale.put(id, run)));
        if (stale.isEmpty()) {
            return Optional.empty();
        }
        String trigger = Impact.trigger(Objects.requireNonNullElse(resumed.remove(code), told), plans.values().stream()
            .flatMap(Optional::stream).flatMap(plan -> plan.controls().stream()).map(ControlInfo::ruleVersion).toList());
        long report = store.inJdbcTransaction(connection -> start(connection, year, code, trigger, started));
        try {
            finish(report, year, code, trigger, stale, plans);
        } catch (RuntimeException e) {
            store.inJdbcTransaction(connection -> fail(connection, report, e));
            throw e;
        }
        return Optional.of(report);
    }

    private void finish(long report, int year, String code, String trigger, Map<Long, Latest> stale,
                        Map<String, Optional<ControlPlan>> plans) {
        long readStart = System.nanoTime();
        List<ControlPlan> used = plans.values().stream().flatMap(Optional::stream).toList();
        Set<String> sirens = new LinkedHashSet<>();
        stale.values().forEach(run -> sirens.add(run.siren()));
        Map<String, Map<String, String>> previous = used.stream().anyMatch(ControlPlan::readsPrevious)
            ? values(year - 1, code, sirens) : Map.of();
        Map<String, Map<String, Map<String, String>>> others = new HashMap<>();
        for (String other : used.stream().flatMap(plan -> plan.questionnairesRead().stream()).distinct().toList()) {
            if (!other.equals(code)) {
                values(year, other, sirens).forEach((siren, cells) ->
                    others.computeIfAbsent(siren, s -> new HashMap<>()).put(other, cells));
            }
        }
        long[] evaluation = {0};
        List<Result> results = new ArrayList<>();
        dossiers.scan(year, code, dossier -> {
            Latest run = stale.get(dossier.id());
            if (run == null) {
                return;
            }
            long start = System.nanoTime();
            ControlPlan plan = plans.get(run.version()).orElseThrow();
            ControlReport evaluated = plan.evaluate(new ControlData(dossier.values(), previous.get(dossier.siren()),
                others.get(dossier.siren())));
            results.add(new Result(new RunWriter.Run(dossier.id(), dossier.revision(), plan.fingerprint(), evaluated),
                dossier.siren(), run.failing()));
            evaluation[0] += System.nanoTime() - start;
        });
        long readMillis = (System.nanoTime() - readStart - evaluation[0]) / 1_000_000;
        long storeStart = System.nanoTime();
        RunWriter.Origin origin = new RunWriter.Origin(Instant.now(), Verification.CONTROL_UPDATE, trigger);
        for (int from = 0; from < results.size(); from += RUNS_PER_TRANSACTION) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("revérification interrompue : le service s'arrête");
            }
            List<RunWriter.Run> chunk = results.subList(from, Math.min(results.size(), from + RUNS_PER_TRANSACTION))
                .stream().map(Result::run).toList();
            store.inJdbcTransaction(connection -> RunWriter.write(connection, origin, chunk));
        }
        List<ImpactLine> lines = new ArrayList<>();
        for (Result result : results) {
            RunWriter.Run run = result.run();
            Impact.line(result.siren(), run.dossierId(), result.before(), Impact.failing(run.report().outcomes()))
                .ifPresent(lines::add);
        }
        int failing = lines.stream().mapToInt(line -> line.newlyFailing().size()).sum();
        int passing = lines.stream().mapToInt(line -> line.newlyPassing().size()).sum();
        store.inJdbcTransaction(connection -> {
            insertLines(connection, report, lines);
            try (PreparedStatement done = connection.prepareStatement("UPDATE impact_report SET state = ?, "
                + "finished_at = ?, dossiers = ?, affected = ?, newly_failing = ?, newly_passing = ?, read_ms = ?, "
                + "evaluation_ms = ?, storing_ms = ? WHERE id = ?")) {
                done.setString(1, ImpactState.DONE.name());
                done.setTimestamp(2, Timestamp.from(Instant.now()));
                done.setInt(3, results.size());
                done.setInt(4, lines.size());
                done.setInt(5, failing);
                done.setInt(6, passing);
                done.setLong(7, readMillis);
                done.setLong(8, evaluation[0] / 1_000_000);
                done.setLong(9, (System.nanoTime() - storeStart) / 1_000_000);
                done.setLong(10, report);
                done.executeUpdate();
            }
            return JdbcAuditLog.append(connection, new AuditEvent("controles.reverifies", "systeme", null, null,
                "impact " + report, code + " " + year + " après " + trigger + " : " + FrenchFormat.count(results.size(),
                "dossier revérifié", "dossiers revérifiés") + ", " + lines.size() + " "
                + FrenchFormat.agree(lines.size(), "touché", "touchés") + ", "
                + FrenchFormat.count(failing, "nouvel échec", "nouveaux échecs") + ", "
                + FrenchFormat.count(passing, "contrôle désormais réussi", "contrôles désormais réussis")));
        });
        LOG.info("Revérification {} {} après {} : {} dossier(s), {} touché(s)", code, year, trigger, results.size(),
            lines.size());
    }

    /** The values of the dossiers of some organisations for a campaign and questionnaire, by SIREN, in one scan. */
    private Map<String, Map<String, String>> values(int year, String code, Set<String> sirens) {
        Map<String, Map<String, String>> values = new HashMap<>();
        dossiers.scan(year, code, dossier -> {
            if (sirens.contains(dossier.siren())) {
                values.put(dossier.siren(), dossier.values());
            }
        });
        return values;
    }

    /** The latest run of every verified dossier of a campaign and questionnaire, with its failing controls. */
    private static Map<Long, Latest> latest(Connection connection, int year, String code) throws SQLException {
        Map<Long, Latest> latest = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT v.dossier_id, d.siren, "
            + "d.questionnaire_version, v.rules_fingerprint, o.control_code, o.status FROM verification v "
            + "JOIN dossier d ON d.id = v.dossier_id "
            + "LEFT JOIN verification_outcome o ON o.verification_id = v.id AND o.status <> 'PASSED' "
            + "WHERE d.campaign_year = ? AND d.questionnaire_code = ? "
            + "AND v.id = (SELECT MAX(w.id) FROM verification w WHERE w.dossier_id = v.dossier_id) "
            + "ORDER BY v.dossier_id")) {
            query.setInt(1, year);
            query.setString(2, code);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Latest run = latest.get(rows.getLong(1));
                    if (run == null) {
                        run = new Latest(rows.getString(2), rows.getString(3), rows.getString(4),
                            new LinkedHashSet<>());
                        latest.put(rows.getLong(1), run);
                    }
                    String control = rows.getString(5);
                    if (control != null && Impact.failing(ControlStatus.valueOf(rows.getString(6)))) {
                        run.failing().add(control);
                    }
                }
            }
        }
        return latest;
    }

    private static long start(Connection connection, int year, String code, String trigger, Instant started)
        throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO impact_report (questionnaire_code, "
            + "campaign_year, run_trigger, started_at, state, error, dossiers, affected, newly_failing, newly_passing, "
            + "read_ms, evaluation_ms, storing_ms) VALUES (?, ?, ?, ?, ?, '', 0, 0, 0, 0, 0, 0, 0)",
            Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, code);
            insert.setInt(2, year);
            insert.setString(3, RunWriter.cut(trigger, 300));
            insert.setTimestamp(4, Timestamp.from(started));
            insert.setString(5, ImpactState.RUNNING.name());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static int fail(Connection connection, long report, RuntimeException error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE impact_report SET state = ?, "
            + "finished_at = ?, error = ? WHERE id = ?")) {
            update.setString(1, ImpactState.FAILED.name());
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.setString(3, RunWriter.cut(Objects.toString(error.getMessage(), error.toString()), 1000));
            update.setLong(4, report);
            return update.executeUpdate();
        }
    }

    private static void insertLines(Connection connection, long report, List<ImpactLine> lines) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (ImpactLine line : lines) {
            rows.add(new Object[] {report, line.dossierId(), line.siren(),
                RunWriter.cut(Lines.list(line.newlyFailing()), CODES_LENGTH),
                RunWriter.cut(Lines.list(line.newlyPassing()), CODES_LENGTH),
                line.newlyFailing().size(), line.newlyPassing().size()});
        }
        RunWriter.insert(connection, "INSERT INTO impact_line (report_id, dossier_id, siren, newly_failing, "
            + "newly_passing, failing_count, passing_count) VALUES ", rows);
    }
}
