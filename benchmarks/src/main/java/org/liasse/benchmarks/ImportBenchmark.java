package org.liasse.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.liasse.itests.Accounts;
import org.liasse.itests.Await;
import org.liasse.itests.Distribution;
import org.liasse.itests.Http;
import org.liasse.itests.PluginJar;

/**
 * Import of a 5,000-line CSV into one dossier over real HTTP on the real ministry distribution: the dry run
 * (read, compare with the stored values, format controls of every changed cell) and the apply (the same, then one
 * atomic save of 5,000 cells with their history). The dossier belongs to a test questionnaire of 5,000 amount cells
 * deployed as a plugin, so that every line changes a distinct cell. {@link #main} measures on its own distribution
 * and rewrites the "Import" section of {@code docs/benchmarks.md} ({@link Report}); {@link #measure} and {@link #section} let
 * another harness reuse a running distribution.
 */
public final class ImportBenchmark {

    /** Lines of the CSV, one distinct cell each. */
    public static final int LINES = 5_000;
    /** Target of the issue for a dry run or an apply, in seconds. */
    public static final double TARGET_SECONDS = 2;

    private static final int RUNS = 5;
    private static final long TIMEOUT = 120_000;
    private static final String ADMIN_PASSWORD = "Mot de passe du banc de mesure 2025";
    private static final String QUESTIONNAIRE = "BENCH_IMPORT";
    private static final String SIREN = "000000059";
    private static final String HEADING = "## Import";

    /**
     * Seconds taken by each dry run and each apply.
     *
     * @param dryRuns dry runs of a file changing every cell
     * @param applies applies of such files, each changing every cell again
     */
    public record Figures(List<Double> dryRuns, List<Double> applies) {
    }

    private ImportBenchmark() {
    }

    /** Starts the ministry distribution, measures, and rewrites the Import section of the report. */
    public static void main(String[] args) throws Exception {
        Figures figures;
        try (Distribution ministry = Distribution.unpack("ministry", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            ministry.setProperty("etc/org.liasse.identity.cfg", "show.activation.codes", "true");
            ministry.start();
            Await.until("health", TIMEOUT, () -> ministry.http().get("/health"), r -> r.status() == 200);
            figures = measure(ministry, ADMIN_PASSWORD);
        }
        Report.write(Path.of(System.getProperty("liasse.report")), section(figures));
        System.out.println(section(figures));
    }

    /**
     * Measures on a running ministry distribution whose super-administrator is {@code admin}: deploys the test
     * questionnaire, opens campaign 2025 when needed, creates an organisation, a data-entry user and the dossier.
     * The distribution must show activation codes ({@code show.activation.codes = true} in
     * {@code etc/org.liasse.identity.cfg}), as the accounts are activated through the API.
     */
    public static Figures measure(Distribution ministry, String adminPassword) throws IOException {
        int port = ministry.httpPort();
        Http admin = Http.token(port, "admin", adminPassword);
        deployQuestionnaire(ministry, admin);
        admin.post("/campaigns", """
            {"year":2025,"label":"Campagne 2025","opening":"2026-04-01","deadline":"2026-07-31","state":"OPEN"}
            """);
        Http administrator = Accounts.organisation(port, admin, SIREN, "OPH", "OPH");
        Http entry = Accounts.user(port, administrator, SIREN, "import.banc", "RESPONSABLE_SAISIE");
        Http.Reply dossier = entry.post("/organisations/" + SIREN + "/dossiers",
            "{\"year\":2025,\"questionnaire\":\"" + QUESTIONNAIRE + "\"}");
        if (dossier.status() != 201) {
            throw new IllegalStateException("dossier not created: " + dossier.body());
        }
        String path = "/dossiers/" + dossier.json().path("id").asLong() + "/imports?format=csv&apply=";
        long revision = dossier.json().path("revision").asLong();
        run(entry, path + "false", csv(0), null);
        List<Double> dryRuns = new ArrayList<>();
        List<Double> applies = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            byte[] file = csv(run);
            long begin = System.nanoTime();
            run(entry, path + "false", file, null);
            dryRuns.add((System.nanoTime() - begin) / 1e9);
            begin = System.nanoTime();
            JsonNode applied = run(entry, path + "true", file, "\"" + revision + "\"");
            applies.add((System.nanoTime() - begin) / 1e9);
            revision = applied.path("revision").asLong();
        }
        return new Figures(dryRuns, applies);
    }

    /** The Markdown section of the report. */
    public static String section(Figures figures) {
        return """
            %s

            Measured on %s (%d cores, Java %s) by `mvn -B -ntp -pl benchmarks exec:java \
            -Dexec.mainClass=org.liasse.benchmarks.ImportBenchmark`.

            | measurement | runs | median | min | max | target | met |
            |---|---|---|---|---|---|---|
            %s
            %s

            - A test plugin declares a questionnaire of %,d amount cells (one fixed table of %,d rows), deployed into
              `deploy/` of the real ministry distribution. Each run posts a %,d-line CSV (`cellule;valeur`, about
              %d kB) that changes every cell, as the raw body of `POST /api/v1/dossiers/{id}/imports?format=csv`, and
              times the whole HTTP exchange, the JSON report of %,d changes included.
            - **Dry run** (`apply=false`): read and map the file, compare with the stored values, format controls of
              every changed cell; nothing is stored.
            - **Apply** (`apply=true` with `If-Match`): the same, then one atomic save of the %,d cells with their
              history.
            """.formatted(HEADING, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            row("Dry run of a " + String.format(Locale.ROOT, "%,d", LINES) + "-line CSV import (s)", figures.dryRuns()),
            row("Apply of a " + String.format(Locale.ROOT, "%,d", LINES) + "-line CSV import (s)", figures.applies()),
            LINES, LINES, LINES, csv(1).length / 1024, LINES, LINES);
    }

    private static void deployQuestionnaire(Distribution ministry, Http admin) throws IOException {
        String[] rows = new String[LINES];
        for (int i = 0; i < LINES; i++) {
            rows[i] = "R" + (i + 1);
        }
        Path staging = Files.createDirectories(ministry.home().resolve("data/tmp"));
        Path jar = staging.resolve("bench-import.part");
        Files.write(jar, new PluginJar("org.liasse.bench.importation", "1.0.0")
            .questionnaire(QUESTIONNAIRE, "1.0", rows).bytes());
        Files.move(jar, ministry.home().resolve("deploy/bench-import.jar"), StandardCopyOption.ATOMIC_MOVE);
        Await.until("questionnaire " + QUESTIONNAIRE, TIMEOUT, () -> admin.get("/questionnaires/" + QUESTIONNAIRE + "/1.0"),
            r -> r.status() == 200);
    }

    /** A CSV changing every cell: run r gives cell i the amount i × (r + 1) + 0.25. */
    private static byte[] csv(int run) {
        StringBuilder csv = new StringBuilder("cellule;valeur\n");
        for (int i = 1; i <= LINES; i++) {
            csv.append("F1.R").append(i).append(".MONTANT;").append((long) i * (run + 1)).append(",25\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode run(Http http, String path, byte[] file, String ifMatch) {
        Http.Reply reply = http.upload("POST", path, "text/csv", file, ifMatch);
        if (reply.status() != 200 || reply.json().path("problems").size() > 0
            || reply.json().path("changes").size() != LINES) {
            throw new IllegalStateException("import failed: " + reply.status() + " "
                + reply.body().substring(0, Math.min(reply.body().length(), 2000)));
        }
        return reply.json();
    }

    private static String row(String name, List<Double> values) {
        List<Double> sorted = Report.sorted(values);
        double median = Report.percentile(sorted, 50);
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | ≤ %d | %s |", name, values.size(),
            Report.number(median), Report.number(sorted.get(0)), Report.number(sorted.get(sorted.size() - 1)),
            (long) TARGET_SECONDS, median <= TARGET_SECONDS ? "yes" : "no");
    }
}
