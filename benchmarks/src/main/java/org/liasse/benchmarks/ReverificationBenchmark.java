package org.liasse.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import org.liasse.itests.Await;
import org.liasse.itests.Distribution;
import org.liasse.itests.Http;
import org.liasse.itests.PluginJar;

/**
 * Re-verification after a hot update of controls, on the real ministry distribution (embedded Derby): 1,000
 * organisations with one verified dossier of 2,000 amounts each, a plugin with 2,000 rules for their questionnaire
 * (about 1.3 % of them fail on a dossier), then changed versions of the plugin dropped into {@code deploy/}. Measures,
 * for each change, the time from the file move to the complete impact report seen over REST, and the phases the
 * report records (bulk read of the campaign's values, evaluation, storing). Writes the "Re-verification" section of
 * {@code docs/benchmarks.md}.
 */
public final class ReverificationBenchmark {

    private static final String ADMIN_PASSWORD = "Mot de passe du banc de mesure 2025";
    private static final String PLUGIN = "org.liasse.bench.controles";
    private static final long TIMEOUT = 600_000;
    private static final int DOSSIERS = Integer.getInteger("bench.dossiers", 1000);
    private static final int ROWS = 200;
    private static final int COLUMNS = 10;
    private static final int RULES = 2000;
    /** Rules whose threshold each new version changes. */
    private static final int CHANGED_RULES = 20;
    private static final int MEASURED_UPDATES = Integer.getInteger("bench.updates", 5);

    private ReverificationBenchmark() {
    }

    /** What one update gave. */
    private record Update(String trigger, double deployToReportSeconds, double totalSeconds, double readSeconds,
                          double evaluationSeconds, double storingSeconds, int dossiers, int affected, int failing,
                          int passing) {
    }

    /** Prepares the data, runs the updates and writes the report section. */
    public static void main(String[] args) throws Exception {
        try (Distribution ministry = Distribution.unpack("ministry", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            ministry.start();
            Await.until("health", 120_000, () -> ministry.http().get("/health"), r -> r.status() == 200);
            Http setupAdmin = Http.token(ministry.httpPort(), "admin", ADMIN_PASSWORD);
            Http.Reply campaign = setupAdmin.post("/campaigns", "{\"year\":2025,\"label\":\"Campagne 2025\","
                + "\"opening\":\"2026-04-01\",\"deadline\":\"2026-07-31\",\"state\":\"OPEN\"}");
            check(campaign.status() == 201, "campaign: " + campaign.body());
            deploy(ministry, 1);
            Await.until("questionnaire BENCHRV", TIMEOUT, () -> setupAdmin.get("/questionnaires/BENCHRV/1.0"),
                r -> r.status() == 200);
            long setup = System.nanoTime();
            importOrganisations(setupAdmin);
            ministry.stop();
            fillDossiers(ministry.home().resolve("data/liasse/derby"));
            double setupSeconds = (System.nanoTime() - setup) / 1e9;
            ministry.start();
            Await.until("health after restart", 120_000, () -> ministry.http().get("/health"), r -> r.status() == 200);
            Http admin = Http.token(ministry.httpPort(), "admin", ADMIN_PASSWORD);

            // The first runs were written without rules: the restart itself re-verifies them with version 1.
            JsonNode atStart = report(admin, PLUGIN + " 1.0.0");
            check(atStart.path("dossiers").asInt() == DOSSIERS, "re-verification at start: " + atStart);
            List<Update> updates = new ArrayList<>();
            for (int version = 2; version < 2 + MEASURED_UPDATES; version++) {
                updates.add(update(ministry, admin, version));
            }
            check(updates.get(0).dossiers() == DOSSIERS, "first re-verification: " + updates.get(0));
            double[] shares = shares(admin);
            String section = section(updates, shares, setupSeconds);
            System.out.println(section);
            Report.write(Path.of(System.getProperty("liasse.report")), section);
        }
    }

    /** The value of a cell of a dossier: a fixed pseudo-random amount from 0 to 999. */
    private static int value(int dossier, int row, int column) {
        long x = dossier * 1_000_003L + row * 1_009L + column * 7L;
        x ^= x >>> 17;
        x *= 0xed5ad4bbL;
        x ^= x >>> 11;
        return (int) Math.floorMod(x, 1000L);
    }

    /**
     * The plugin: the questionnaire BENCHRV (200 rows × 10 amounts) and 2,000 rules over it, in three shapes whose
     * failure rate on uniform amounts is known: {@code A <= B + 827} (about 1.5 %), {@code if A > 100 then B <= C +
     * 827} (about 1.35 %, and 10 % not applicable), {@code abs(A - B) <= 900} (1 %). Each version changes the
     * threshold of the first rules.
     */
    private static byte[] plugin(int version) {
        String rows = ControlRules.rows(ROWS);
        String columns = ControlRules.amountColumns(COLUMNS);
        String questionnaire = "{\"code\": \"BENCHRV\", \"version\": \"1.0\", \"title\": \"Banc de revérification "
            + "(fictif)\", \"years\": [2025], \"fiches\": [{\"code\": \"F\", \"title\": \"Fiche\", \"tables\": [{"
            + "\"code\": \"T\", \"title\": \"Tableau\", \"rows\": [" + rows + "], \"columns\": [" + columns + "]}]}]}";
        Random random = new Random(2025);
        StringBuilder controls = new StringBuilder();
        for (int i = 0; i < RULES; i++) {
            String a = ControlRules.cell(1 + random.nextInt(ROWS), 1 + random.nextInt(COLUMNS));
            String b = ControlRules.cell(1 + random.nextInt(ROWS), 1 + random.nextInt(COLUMNS));
            String c = ControlRules.cell(1 + random.nextInt(ROWS), 1 + random.nextInt(COLUMNS));
            int shape = random.nextInt(4);
            int threshold = i < CHANGED_RULES && version % 2 == 0 ? 700 : 827;
            String expression = shape < 2 ? a + " <= " + b + " + " + threshold
                : shape == 2 ? "if " + a + " > 100 then " + b + " <= " + c + " + " + threshold
                : "abs(" + a + " - " + b + ") <= 900";
            controls.append(i == 0 ? "" : ",\n").append("{\"code\": \"R").append(i)
                .append("\", \"questionnaire\": \"BENCHRV\", \"severity\": \"error\", \"expression\": \"")
                .append(expression).append("\", \"message\": \"Écart : {left} pour {right}.\"}");
        }
        return new PluginJar(PLUGIN, version + ".0.0").file("questionnaires/benchrv.json", questionnaire)
            .file("controls/benchrv.json", "{\"controls\": [" + controls + "]}").bytes();
    }

    private static void deploy(Distribution ministry, int version) throws IOException {
        Path staging = Files.createDirectories(ministry.home().resolve("data/tmp")).resolve("bench-controles.part");
        Files.write(staging, plugin(version));
        Files.move(staging, ministry.home().resolve("deploy/bench-controles.jar"), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
    }

    /** The 1,000 organisations in one CSV import over REST. */
    private static void importOrganisations(Http admin) {
        StringBuilder csv = new StringBuilder("siren;nom;type;federation;region;departement\n");
        for (int i = 0; i < DOSSIERS; i++) {
            csv.append(DataEntryBenchmark.siren(10_000 + i)).append(";Organisme de mesure ").append(i)
                .append(" (FICTIF);OPH;OPH;84;69\n");
        }
        Http.Reply imported = admin.upload("POST", "/organisations/import?apply=true", "text/csv",
            csv.toString().getBytes(StandardCharsets.UTF_8), null);
        check(imported.status() == 200, "organisations: " + imported.body());
    }

    /**
     * With the server stopped, writes in its Derby database one BENCHRV 2025 dossier of 2,000 values per organisation
     * and a first verification run of each, made before any rule existed (no fingerprint): initialising and filling
     * 1,000 dossiers through 1,000 user accounts over REST would take longer than the measurement itself.
     */
    private static void fillDossiers(Path database) throws SQLException {
        String url = "jdbc:derby:" + database;
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement dossier = connection.prepareStatement("INSERT INTO dossier (siren, campaign_year, "
                     + "questionnaire_code, questionnaire_version, revision) VALUES (?, 2025, 'BENCHRV', '1.0', 1)",
                     Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement value = connection.prepareStatement(BenchDossiers.INSERT_VALUE);
                 PreparedStatement run = connection.prepareStatement("INSERT INTO verification (dossier_id, "
                     + "dossier_revision, verified_at, actor, questionnaire_version, passed) VALUES (?, 1, ?, "
                     + "'banc de mesure', '1.0', 0)")) {
                for (int d = 0; d < DOSSIERS; d++) {
                    dossier.setString(1, DataEntryBenchmark.siren(10_000 + d));
                    int organisation = d;
                    long id = BenchDossiers.insert(dossier, value, ROWS, COLUMNS,
                        (row, column) -> value(organisation, row, column));
                    run.setLong(1, id);
                    run.setTimestamp(2, now);
                    run.executeUpdate();
                    if (d % 100 == 99) {
                        connection.commit();
                    }
                }
                connection.commit();
            }
        }
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception (08006).
        }
    }

    /** Drops a version of the plugin into deploy/ and waits for its impact report over REST. */
    private static Update update(Distribution ministry, Http admin, int version) throws IOException {
        String trigger = PLUGIN + " " + version + ".0.0";
        long start = System.nanoTime();
        deploy(ministry, version);
        JsonNode report = report(admin, trigger);
        double deployToReport = (System.nanoTime() - start) / 1e9;
        check(report.path("state").asText().equals("DONE"), "report: " + report);
        double total = Duration.between(Instant.parse(report.path("started").asText()),
            Instant.parse(report.path("finished").asText())).toMillis() / 1000.0;
        Update update = new Update(trigger, deployToReport, total, report.path("readMillis").asLong() / 1000.0,
            report.path("evaluationMillis").asLong() / 1000.0, report.path("storingMillis").asLong() / 1000.0,
            report.path("dossiers").asInt(), report.path("affected").asInt(), report.path("newlyFailing").asInt(),
            report.path("newlyPassing").asInt());
        System.out.println(update);
        return update;
    }

    /** Waits for the impact report of a plugin version, polling over REST, and returns it once it has ended. */
    private static JsonNode report(Http admin, String trigger) {
        return Await.until("impact report of " + trigger, TIMEOUT, () -> {
            for (JsonNode candidate : admin.get("/impacts").json()) {
                if (candidate.path("trigger").asText().equals(trigger)
                    && !candidate.path("state").asText().equals("RUNNING")) {
                    return candidate;
                }
            }
            sleep();
            return null;
        }, found -> found != null);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shares (%) of failed and of not applicable rules in the latest runs of 20 dossiers, read over REST. */
    private static double[] shares(Http admin) {
        JsonNode first = admin.get("/impacts").json().get(0);
        JsonNode lines = admin.get("/impacts/" + first.path("id").asLong()).json().path("lines");
        int failed = 0;
        int notApplicable = 0;
        int runs = Math.min(20, lines.size());
        for (int i = 0; i < runs; i++) {
            JsonNode run = admin.get("/dossiers/" + lines.get(i).path("dossierId").asLong() + "/verifications/latest")
                .json();
            for (JsonNode outcome : run.path("outcomes")) {
                failed += outcome.path("status").asText().equals("FAILED") ? 1 : 0;
            }
            notApplicable += run.path("notApplicable").asInt();
        }
        double rules = Math.max(1, runs) * (double) RULES;
        return new double[] {100.0 * failed / rules, 100.0 * notApplicable / rules};
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static double median(List<Double> values) {
        return Report.percentile(Report.sorted(values), 50);
    }

    private static String section(List<Update> updates, double[] shares, double setupSeconds) {
        List<Double> ratios = updates.stream().map(u -> u.totalSeconds() / u.readSeconds()).toList();
        List<Double> deploys = updates.stream().map(Update::deployToReportSeconds).toList();
        double ratio = median(ratios);
        double deploy = median(deploys);
        double worstDeploy = Report.sorted(deploys).get(deploys.size() - 1);
        long rowsStored = Math.round(DOSSIERS * shares[0] / 100 * RULES);
        StringBuilder rows = new StringBuilder();
        for (Update u : updates) {
            rows.append("| ").append(u.trigger()).append(" | ").append(u.dossiers()).append(" | ")
                .append(u.affected()).append(" (").append(u.failing()).append(" / ").append(u.passing()).append(") | ")
                .append(Report.number(u.readSeconds())).append(" | ").append(Report.number(u.evaluationSeconds()))
                .append(" | ").append(Report.number(u.storingSeconds())).append(" | ")
                .append(Report.number(u.totalSeconds())).append(" | ")
                .append(Report.number(u.totalSeconds() / u.readSeconds())).append(" | ")
                .append(Report.number(u.deployToReportSeconds())).append(" |\n");
        }
        return """
            ## Re-verification

            Measured by `mvn -B -ntp -pl benchmarks exec:java -Dexec.mainClass=org.liasse.benchmarks.ReverificationBenchmark`
            (after `mvn -B -ntp install -DskipTests`) on %s, %d cores, Java %s, on the real ministry distribution
            (embedded Derby); the client polls `GET /api/v1/impacts` every 50 ms on the same machine. Machine load
            average (1 / 5 / 15 min) at the end: %s.

            | target | measured (median of %d updates) | met |
            |---|---|---|
            | Re-verification of %,d dossiers × %,d rules ≤ 2 × one bulk read of their values | %s × | %s |
            | Hot deploy of a changed control plugin → impact report complete for %,d dossiers ≤ 10 s | %s s (worst %s s) | %s |

            | update | dossiers re-verified | dossiers affected (newly failing / newly passing rules) | bulk read (s) | evaluation (s) | storing (s) | re-verification (s) | ratio to the read | file move → report over REST (s) |
            |---|---|---|---|---|---|---|---|---|
            %s

            - **Data**: %,d organisations (one CSV import over REST) with one dossier each of a questionnaire of a
              generated plugin (200 rows × 10 amounts, every cell filled with an amount from 0 to 999), and 2,000 error
              rules over it in three shapes (`A <= B + 827`, `if A > 100 then B <= C + 827`, `abs(A - B) <= 900`):
              %s %% of the rules fail on a dossier and %s %% do not apply (measured on the latest runs of 20
              dossiers); failures are stored as rows, passed and not applicable rules are only counted. The dossiers' values
              and a first run without rules were written into the Derby database with the server stopped (%s s with
              the import): creating 1,000 users to initialise them over REST would cost more than the measurement.
            - **Each update** drops a new version of the plugin into `deploy/` that changes the threshold of %d rules.
              The server loads and compiles it, sees that the rules of BENCHRV changed, and re-verifies in the
              background the 1,000 dossiers whose latest run used other rules: the latest runs and their failing
              controls in one query, the campaign's values in **one scan** (no rule reads year N-1 or another
              questionnaire, so nothing else is read), 2,000 rules per dossier, then 1,000 new runs (only the rules
              that failed get a row, in multi-row inserts of 100 rows) and the impact lines. Every update is counted,
              the first one after the restart included; the restart's own re-verification (the first runs were
              written without rules, so version 1.0.0 re-verifies every dossier at start) has ended before it.
            - **Storing** wrote about %,d outcome rows per update (%,d dossiers × the failed share above × %,d rules)
              besides the %,d runs: %s µs per row on average, %s × the bulk read (median). Every re-verified dossier
              gets its new run (it is the result its organisation sees); since V014 the %s %% of the rules that do not
              apply are a count on the run instead of rows, which had made storing cost about as much as the read.
            - **Bulk read** is the time of that scan as the report records it (`readMillis`: reading and converting
              every value of the campaign, evaluation excluded). The scan is one query streamed dossier after dossier in
              order of id, by the `dossier_campaign` index and then the `cell_value` primary key, so Derby sorts nothing
              and only the dossier at hand is in memory; **re-verification** runs from the start of the
              background work to the end of the report (`finished − started`), so the ratio compares the whole
              re-verification with the read it cannot avoid.
            """.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            Report.loadAverage(), updates.size(), DOSSIERS, RULES, Report.number(ratio), ratio <= 2 ? "yes" : "no",
            DOSSIERS, Report.number(deploy), Report.number(worstDeploy), worstDeploy <= 10 ? "yes" : "no",
            rows.toString().strip(), DOSSIERS, Report.number(shares[0]), Report.number(shares[1]),
            Report.number(setupSeconds), CHANGED_RULES,
            rowsStored, DOSSIERS, RULES, DOSSIERS,
            Report.number(median(updates.stream().map(u -> u.storingSeconds() * 1e6 / rowsStored).toList())),
            Report.number(median(updates.stream().map(u -> u.storingSeconds() / u.readSeconds()).toList())),
            Report.number(shares[1]));
    }
}
