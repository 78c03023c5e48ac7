package org.liasse.benchmarks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.liasse.api.dossier.Siren;
import org.liasse.itests.Distribution;
import org.liasse.itests.Http;

/**
 * The completion dashboard of a campaign over real HTTP on the real ministry distribution in demo mode, with 1,000
 * organisations imported on top of the demo's three: {@code GET /api/v1/campaigns/2025/completion} (every row, the
 * progress chart) and its XLSX export. {@link #main} rewrites the "Completion dashboard" section of
 * {@code docs/benchmarks.md} ({@link Report}).
 */
public final class CompletionBenchmark {

    /** Organisations imported on top of the demo's. */
    public static final int ORGANISATIONS = 1_000;
    /** Target for one dashboard or export, in seconds. */
    public static final double TARGET_SECONDS = 1;

    private static final int RUNS = 20;
    private static final String HEADING = "## Completion dashboard";

    private CompletionBenchmark() {
    }

    /** Starts the demo ministry distribution, measures, and rewrites the section of the report. */
    public static void main(String[] args) throws Exception {
        List<Double> dashboards = new ArrayList<>();
        List<Double> exports = new ArrayList<>();
        try (Distribution ministry = Distribution.demo("ministry")) {
            Http operator = Http.token(ministry.httpPort(), "operateur.demo", Distribution.DEMO_PASSWORD);
            StringBuilder csv = new StringBuilder("siren;nom;type;federation;region;departement\n");
            for (int i = 0; i < ORGANISATIONS; i++) {
                String body = String.format("%08d", 60_000_000 + i);
                String siren = IntStream.range(0, 10).mapToObj(d -> body + d).filter(Siren::isValid).findFirst()
                    .orElseThrow();
                csv.append(siren).append(";Organisme du banc ").append(i).append(" (FICTIF);")
                    .append(i % 2 == 0 ? "OPH;OPH" : "ESH;ESH").append(";84;69\n");
            }
            Http.Reply imported = operator.send("POST", "/organisations/import?apply=true", "text/csv", csv.toString(),
                null);
            if (imported.status() != 200) {
                throw new IllegalStateException("import failed: " + imported.body());
            }
            for (int run = 0; run <= RUNS; run++) {
                long begin = System.nanoTime();
                Http.Reply reply = operator.get("/campaigns/2025/completion");
                double dashboard = (System.nanoTime() - begin) / 1e9;
                if (reply.status() != 200 || reply.json().path("rows").size() != ORGANISATIONS + 3) {
                    throw new IllegalStateException("dashboard: " + reply.status());
                }
                begin = System.nanoTime();
                Http.Download export = operator.download("/campaigns/2025/completion/export?format=xlsx");
                double xlsx = (System.nanoTime() - begin) / 1e9;
                if (export.status() != 200) {
                    throw new IllegalStateException("export: " + export.status());
                }
                if (run > 0) {
                    dashboards.add(dashboard);
                    exports.add(xlsx);
                }
            }
        }
        String section = """
            %s

            Measured on %s (%d cores, Java %s, load average %s) by `mvn -B -ntp -pl benchmarks exec:java \
            -Dexec.mainClass=org.liasse.benchmarks.CompletionBenchmark`.

            | measurement | runs | median | p95 | max | target | met |
            |---|---|---|---|---|---|---|
            %s
            %s

            - The ministry distribution in demo mode (campaign 2025, three organisations with their dossiers) with
              %,d more organisations imported through `POST /api/v1/organisations/import`: %,d rows. Each run times
              the whole HTTP exchange after one warm-up run.
            - The dashboard is read in five bulk queries whatever the number of organisations (organisations,
              dossiers, latest verification runs with their counts, latest value changes, transitions replayed day
              by day for the chart); the XLSX export writes the same rows with Apache POI.
            """.formatted(HEADING, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"), Report.loadAverage(),
            row(String.format(Locale.ROOT, "`GET /campaigns/2025/completion`, %,d rows (s)", ORGANISATIONS + 3),
                dashboards),
            row("XLSX export of the same rows (s)", exports), ORGANISATIONS, ORGANISATIONS + 3);
        Report.write(Path.of(System.getProperty("liasse.report")), section);
        System.out.println(section);
    }

    private static String row(String name, List<Double> values) {
        List<Double> sorted = Report.sorted(values);
        double median = Report.percentile(sorted, 50);
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | ≤ %d | %s |", name, values.size(),
            Report.number(median), Report.number(Report.percentile(sorted, 95)),
            Report.number(sorted.get(sorted.size() - 1)), (long) TARGET_SECONDS, median <= TARGET_SECONDS ? "yes" : "no");
    }
}
