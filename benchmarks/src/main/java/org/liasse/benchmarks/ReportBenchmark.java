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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.liasse.itests.Await;
import org.liasse.itests.Distribution;
import org.liasse.itests.Http;
import org.liasse.itests.PluginJar;

/**
 * Reports on the real ministry distribution (embedded Derby) over real HTTP: a plugin declares a questionnaire of
 * 2,000 amounts (200 rows × 10), 8 aggregates and two reports shaped like the federations' ones — a DIS-like dossier
 * report (key ratios, five-year trends with charts, cells) and consolidated statistics (completion, then count, total,
 * quartiles by type, région and département of 8 measures, with charts). 1,000 organisations of one federation have
 * a 2025 dossier, and the first one its dossiers of 2020–2024. Measures the dossier report of that organisation and
 * the consolidated report over the 1,000, in PDF and XLSX, and the bulk read the server logs.
 * Writes the "Reports" section of {@code docs/benchmarks.md}.
 */
public final class ReportBenchmark {

    private static final String ADMIN_PASSWORD = "Mot de passe du banc de mesure 2025";
    private static final int ORGANISATIONS = Integer.getInteger("bench.organisations", 1000);
    private static final int ROWS = 200;
    private static final int COLUMNS = 10;
    private static final int FIRST_YEAR = 2020;
    private static final int YEAR = 2025;
    private static final int DOSSIER_RUNS = 20;
    private static final int CAMPAIGN_RUNS = 5;
    private static final double DOSSIER_TARGET = 1;
    private static final double CAMPAIGN_TARGET = 10;
    private static final String[][] TERRITORIES = {{"84", "69"}, {"84", "38"}, {"75", "33"}, {"11", "75"},
        {"93", "13"}, {"32", "59"}, {"76", "31"}, {"52", "44"}, {"44", "67"}, {"53", "35"}};
    private static final Pattern READ = Pattern.compile("Rapport STATS_BANC .* (\\d+) dossiers lus en (\\d+) ms");

    private ReportBenchmark() {
    }

    /** Prepares the data, measures and writes the report section. */
    public static void main(String[] args) throws Exception {
        try (Distribution ministry = Distribution.unpack("ministry", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            ministry.start();
            Await.until("health", 120_000, () -> ministry.http().get("/health"), r -> r.status() == 200);
            Http admin = Http.token(ministry.httpPort(), "admin", ADMIN_PASSWORD);
            for (int year = FIRST_YEAR; year <= YEAR; year++) {
                Http.Reply campaign = admin.post("/campaigns", ("{\"year\":%d,\"label\":\"Campagne %d\",\"opening\":"
                    + "\"%d-04-01\",\"deadline\":\"%d-07-31\",\"state\":\"OPEN\"}").formatted(year, year, year + 1,
                    year + 1));
                check(campaign.status() == 201, "campaign: " + campaign.body());
            }
            Path staging = Files.createDirectories(ministry.home().resolve("data/tmp")).resolve("bench-rapports.part");
            Files.write(staging, plugin());
            Files.move(staging, ministry.home().resolve("deploy/bench-rapports.jar"),
                StandardCopyOption.ATOMIC_MOVE);
            Await.until("questionnaire BENCHRP", 120_000, () -> admin.get("/questionnaires/BENCHRP/1.0"),
                r -> r.status() == 200);
            StringBuilder csv = new StringBuilder("siren;nom;type;federation;region;departement\n");
            for (int i = 0; i < ORGANISATIONS; i++) {
                String[] territory = TERRITORIES[i % TERRITORIES.length];
                csv.append(DataEntryBenchmark.siren(20_000 + i)).append(";Organisme de mesure ").append(i)
                    .append(" (FICTIF);OPH;OPH;").append(territory[0]).append(';').append(territory[1]).append('\n');
            }
            Http.Reply imported = admin.send("POST", "/organisations/import?apply=true", "text/csv", csv.toString(),
                null);
            check(imported.status() == 200, "organisations: " + imported.body());
            ministry.stop();
            long fill = System.nanoTime();
            fillDossiers(ministry.home().resolve("data/liasse/derby"));
            double fillSeconds = (System.nanoTime() - fill) / 1e9;
            ministry.start();
            Await.until("health after restart", 120_000, () -> ministry.http().get("/health"),
                r -> r.status() == 200);
            Http operator = Http.token(ministry.httpPort(), "admin", ADMIN_PASSWORD);
            long dossierId = dossierOf(operator, DataEntryBenchmark.siren(20_000));
            List<Double> dossierPdf = time(DOSSIER_RUNS, () -> download(operator, "/dossiers/" + dossierId
                + "/reports/DIS_BANC?format=pdf"));
            List<Double> dossierXlsx = time(DOSSIER_RUNS, () -> download(operator, "/dossiers/" + dossierId
                + "/reports/DIS_BANC?format=xlsx"));
            List<Double> campaignPdf = time(CAMPAIGN_RUNS, () -> download(operator, "/campaigns/" + YEAR
                + "/reports/STATS_BANC?format=pdf"));
            List<Double> campaignXlsx = time(CAMPAIGN_RUNS, () -> download(operator, "/campaigns/" + YEAR
                + "/reports/STATS_BANC?format=xlsx"));
            List<Double> reads = reads(ministry.home().resolve("data/log/karaf.log"));
            String section = section(dossierPdf, dossierXlsx, campaignPdf, campaignXlsx, reads, fillSeconds);
            System.out.println(section);
            Report.write(Path.of(System.getProperty("liasse.report")), section);
        }
    }

    /** The 2025 dossier of an organisation. */
    private static long dossierOf(Http http, String siren) {
        for (JsonNode d : http.get("/organisations/" + siren + "/dossiers").json()) {
            if (d.path("year").asInt() == YEAR) {
                return d.path("id").asLong();
            }
        }
        throw new IllegalStateException("no " + YEAR + " dossier for " + siren);
    }

    /** Downloads a report, checks it, and returns its size. */
    private static int download(Http http, String path) {
        Http.Download file = http.download(path);
        check(file.status() == 200 && file.body().length > 1000, path + ": " + file.status());
        return file.body().length;
    }

    /** Seconds of each run after one warm-up run. */
    private static List<Double> time(int runs, Supplier<Integer> run) {
        run.get();
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.get();
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        return seconds;
    }

    /** The bulk reads of the consolidated report the server logged, in seconds. */
    private static List<Double> reads(Path log) throws IOException {
        List<Double> reads = new ArrayList<>();
        Matcher matcher = READ.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        while (matcher.find()) {
            check(Integer.parseInt(matcher.group(1)) == ORGANISATIONS, "dossiers read: " + matcher.group(1));
            reads.add(Integer.parseInt(matcher.group(2)) / 1000.0);
        }
        return reads;
    }

    /** The value of a cell: a fixed pseudo-random amount from 1 to 1,000, growing a little each year. */
    private static int value(int organisation, int year, int row, int column) {
        long x = organisation * 1_000_003L + row * 1_009L + column * 7L;
        x ^= x >>> 17;
        x *= 0xed5ad4bbL;
        x ^= x >>> 11;
        return 1 + (int) Math.floorMod(x, 1000L) + (year - FIRST_YEAR) * 20;
    }

    /** The plugin: questionnaire BENCHRP, 8 aggregates, the dossier report and the consolidated statistics. */
    private static byte[] plugin() {
        String columns = ControlRules.amountColumns(COLUMNS);
        String questionnaire = "{\"code\": \"BENCHRP\", \"version\": \"1.0\", \"title\": \"Banc des rapports "
            + "(fictif)\", \"years\": [2020, 2021, 2022, 2023, 2024, 2025], \"fiches\": [{\"code\": \"F\", \"title\": "
            + "\"Fiche\", \"tables\": [{\"code\": \"T\", \"title\": \"Tableau\", \"rows\": [" + ControlRules.rows(ROWS)
            + "], \"columns\": [" + columns + "]}]}]}";
        StringBuilder aggregates = new StringBuilder();
        for (int k = 1; k <= 4; k++) {
            aggregates.append(k == 1 ? "" : ",").append(("{\"code\": \"M%d\", \"questionnaire\": \"BENCHRP\", "
                + "\"label\": \"Masse %d\", \"unit\": \"€\", \"expression\": \"%s + %s - %s\"},"
                + "{\"code\": \"P%d\", \"questionnaire\": \"BENCHRP\", \"label\": \"Ratio %d\", \"unit\": \"%%\", "
                + "\"expression\": \"round(%s / %s * 100, 2)\"}").formatted(k, k, ControlRules.cell(k, 1),
                ControlRules.cell(k, 2), ControlRules.cell(k, 3), k, k, ControlRules.cell(k + 10, 4),
                ControlRules.cell(k + 10, 5)));
        }
        String reports = """
            {"reports": [
              {"code": "DIS_BANC", "title": "Diagnostic du banc", "scope": "dossier", "questionnaire": "BENCHRP",
               "sections": [
                {"type": "ratios", "title": "Masses", "aggregates": ["M1", "M2", "M3", "M4"]},
                {"type": "ratios", "title": "Ratios", "aggregates": ["P1", "P2", "P3", "P4"]},
                {"type": "trend", "title": "Masses sur cinq ans", "aggregates": ["M1", "M2"], "chart": "line"},
                {"type": "trend", "title": "Autres masses", "aggregates": ["M3", "M4"], "chart": "bar"},
                {"type": "trend", "title": "Ratios sur cinq ans", "aggregates": ["P1", "P2", "P3", "P4"],
                 "chart": "line"},
                {"type": "cells", "title": "Ligne 10", "cells": ["F.R10.C1", "F.R10.C2", "F.R10.C3"],
                 "chart": "bar"}]},
              {"code": "STATS_BANC", "title": "Statistiques du banc", "scope": "campaign", "questionnaire": "BENCHRP",
               "sections": [
                {"type": "completion", "title": "Avancement", "groupBy": ["type", "department"], "chart": "bar"},
                {"type": "statistics", "title": "Masses", "aggregates": ["M1", "M2", "M3", "M4"],
                 "groupBy": ["type", "region"], "chart": "bar"},
                {"type": "statistics", "title": "Ratios", "aggregates": ["P1", "P2", "P3", "P4"],
                 "groupBy": ["type", "department"], "chart": "bar"}]}]}
            """;
        return new PluginJar("org.liasse.bench.rapports", "1.0.0").file("questionnaires/benchrp.json", questionnaire)
            .file("controls/benchrp.json", "{\"controls\": [], \"aggregates\": [" + aggregates + "]}")
            .file("reports/benchrp.json", reports).bytes();
    }

    /**
     * With the server stopped, writes in its Derby database the 2025 dossier of every organisation and the 2020–2024
     * dossiers of the first one, 2,000 amounts each: creating them through 1,000 user accounts over REST would take
     * longer than the measurement itself.
     */
    private static void fillDossiers(Path database) throws SQLException {
        String url = "jdbc:derby:" + database;
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try (PreparedStatement dossier = connection.prepareStatement("INSERT INTO dossier (siren, campaign_year, "
                     + "questionnaire_code, questionnaire_version, revision) VALUES (?, ?, 'BENCHRP', '1.0', 1)",
                     Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement value = connection.prepareStatement(BenchDossiers.INSERT_VALUE)) {
                for (int o = 0; o < ORGANISATIONS; o++) {
                    for (int year = o == 0 ? FIRST_YEAR : YEAR; year <= YEAR; year++) {
                        dossier.setString(1, DataEntryBenchmark.siren(20_000 + o));
                        dossier.setInt(2, year);
                        int organisation = o;
                        int campaign = year;
                        BenchDossiers.insert(dossier, value, ROWS, COLUMNS,
                            (row, column) -> value(organisation, campaign, row, column));
                    }
                    if (o % 100 == 99) {
                        connection.commit();
                    }
                }
                connection.commit();
            }
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException expected) {
                // Derby reports a clean shutdown as an exception.
            }
        }
    }

    private static String section(List<Double> dossierPdf, List<Double> dossierXlsx, List<Double> campaignPdf,
                                  List<Double> campaignXlsx, List<Double> reads, double fillSeconds) {
        return """
            ## Reports

            Measured on %s (%d cores, Java %s, load average %s) by `mvn -B -ntp -pl benchmarks exec:java \
            -Dexec.mainClass=org.liasse.benchmarks.ReportBenchmark`.

            | measurement | runs | median | p95 | max | target | met |
            |---|---|---|---|---|---|---|
            %s
            %s
            %s
            %s

            - The ministry distribution (embedded Derby) with a plugin whose questionnaire has 2,000 amounts and 8
              aggregates, and two reports shaped like the federations' DIS and consolidated statistics; %,d
              organisations of one federation, each with a 2025 dossier (the first one also with its 2020–2024
              dossiers), written into Derby with the server stopped (%.1f s). Each run times the whole HTTP exchange
              of a national operator (whose perimeter is these 1,000 organisations) after one warm-up run.
            - The DIS-like report reads the organisation's six dossiers (one query each), evaluates the aggregates
              of each year and draws 6 sections (2 tables of key ratios, 3 trend charts, one bar chart).
            - The consolidated report reads the federation's organisations once and the campaign's dossiers in one
              scan (%,d dossiers, 2,000 values each), evaluates the 8 aggregates of each, then draws completion
              and 8 distributions by type, région and département (9 charts). The bulk read and
              evaluation the server logged: median %s s (%d runs), nearly all of the report's time.
            """.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"), Report.loadAverage(),
            row("DIS-like dossier report, PDF (s)", dossierPdf, DOSSIER_TARGET),
            row("same report, XLSX (s)", dossierXlsx, DOSSIER_TARGET),
            row(String.format(Locale.ROOT, "Consolidated statistics over %,d organisations, PDF (s)", ORGANISATIONS),
                campaignPdf, CAMPAIGN_TARGET),
            row("same report, XLSX (s)", campaignXlsx, CAMPAIGN_TARGET), ORGANISATIONS, fillSeconds, ORGANISATIONS,
            reads.isEmpty() ? "n/a" : Report.number(Report.percentile(Report.sorted(reads), 50)), reads.size());
    }

    private static String row(String name, List<Double> values, double target) {
        List<Double> sorted = Report.sorted(values);
        double median = Report.percentile(sorted, 50);
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | ≤ %s | %s |", name, values.size(),
            Report.number(median), Report.number(Report.percentile(sorted, 95)),
            Report.number(sorted.get(sorted.size() - 1)), target == (long) target ? String.valueOf((long) target)
                : String.valueOf(target), median <= target ? "yes" : "no");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
