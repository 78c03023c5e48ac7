package org.liasse.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.liasse.itests.Accounts;
import org.liasse.itests.Await;
import org.liasse.itests.Distribution;
import org.liasse.itests.Http;
import org.liasse.itests.PluginJar;

/**
 * Data entry on the real ministry distribution over real HTTP: (a) saves of 20 cells with {@code If-Match}
 * at a sustained, open-loop rate, and (b) loads of a dossier of more than 2,000 cells with its N-1 values, from a
 * generated plugin dropped into {@code deploy/}. Writes the "Data entry" section of {@code docs/benchmarks.md}.
 * {@code -Dbench.rate}, {@code -Dbench.seconds} and {@code -Dbench.loads} change the rate, the duration of the
 * saves and the number of loads (for exploring; the report is written with the defaults).
 */
public final class DataEntryBenchmark {

    private static final String ADMIN_PASSWORD = "Mot de passe du banc de mesure 2025";
    private static final long TIMEOUT = 120_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Saves: rate, duration, dossiers (one user each, so that revisions never collide). */
    private static final int RATE = Integer.getInteger("bench.rate", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARM_UP_SECONDS = 5;
    private static final int DOSSIERS = 10;
    /** The 20 ER cells of each save: the seven actif, six passif, four produits and three charges rows. */
    private static final List<String> SAVED_CELLS = List.of(
        "BILAN.IMMO_INCORP.MONTANT", "BILAN.IMMO.MONTANT", "BILAN.IMMO_FIN.MONTANT", "BILAN.STOCKS.MONTANT",
        "BILAN.CREANCES.MONTANT", "BILAN.AUTRES_CREANCES.MONTANT", "BILAN.TRESO.MONTANT",
        "BILAN.CAPITAUX.MONTANT", "BILAN.SUBVENTIONS.MONTANT", "BILAN.PROVISIONS.MONTANT", "BILAN.DETTES.MONTANT",
        "BILAN.DETTES_FOURN.MONTANT", "BILAN.AUTRES_DETTES.MONTANT",
        "CR.LOYERS.MONTANT", "CR.CHARGES_RECUP.MONTANT", "CR.PRODUITS_FIN.MONTANT", "CR.PRODUITS_EXC.MONTANT",
        "CR.ACHATS.MONTANT", "CR.PERSONNEL.MONTANT", "CR.ENTRETIEN.MONTANT");

    /** Large dossier: rows × columns entered cells, plus a computed total row. */
    private static final int ROWS = 200;
    private static final String[] COLUMNS = {"C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10"};
    private static final int LOADS = Integer.getInteger("bench.loads", 300);
    private static final int LOAD_WARM_UP = 50;

    private DataEntryBenchmark() {
    }

    /** One measured save: latency from its scheduled start, time spent on the wire, status. */
    private record Save(double latencyMillis, double serviceMillis, int status) {
    }

    /** Runs both measurements and writes the report section. */
    public static void main(String[] args) throws Exception {
        try (Distribution ministry = Distribution.unpack("ministry", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            ministry.setProperty("etc/org.liasse.identity.cfg", "show.activation.codes", "true");
            ministry.start();
            Await.until("health", TIMEOUT, () -> ministry.http().get("/health"), r -> r.status() == 200);
            int port = ministry.httpPort();
            Http admin = Http.token(port, "admin", ADMIN_PASSWORD);
            for (int year : List.of(2024, 2025)) {
                Http.Reply campaign = admin.post("/campaigns", """
                    {"year":%d,"label":"Campagne %d","opening":"%d-04-01","deadline":"%d-07-31","state":"OPEN"}
                    """.formatted(year, year, year + 1, year + 1));
                check(campaign.status() == 201, "campaign " + year + ": " + campaign.body());
            }
            Map<String, String> filled = everyEnteredCell(admin.get("/questionnaires/ER/2025.1").json());

            List<String> tokens = new ArrayList<>();
            List<Long> dossiers = new ArrayList<>();
            Http first = null;
            for (int i = 0; i < DOSSIERS; i++) {
                String siren = siren(100 + i);
                Http administrator = Accounts.organisation(port, admin, siren, "OPH", "OPH");
                String login = "saisie." + siren;
                Http user = Accounts.user(port, administrator, siren, login, "RESPONSABLE_SAISIE");
                Http.Reply created = user.post("/organisations/" + siren + "/dossiers", "{\"year\":2025,\"questionnaire\":\"ER\"}");
                check(created.status() == 201, "dossier: " + created.body());
                long id = created.json().path("id").asLong();
                Http.Reply prefilled = user.patch("/dossiers/" + id + "/values", "\"1\"", json(Map.of("values", filled)));
                check(prefilled.status() == 200, "ER dossier not filled: " + prefilled.body());
                dossiers.add(id);
                Http.Reply token = Http.session(port, login, Accounts.PASSWORD).post("/me/tokens",
                    "{\"label\":\"banc de mesure\",\"days\":1}");
                tokens.add(token.json().path("token").asText());
                first = i == 0 ? user : first;
            }
            String base = "http://localhost:" + port + "/api/v1";
            String loadBefore = Report.loadAverage();
            long pid = ministry.javaProcess().pid();
            double cpuBefore = cpuSeconds(pid);
            List<Save> saves = saves(base, tokens, dossiers);
            double saveCpu = (cpuSeconds(pid) - cpuBefore) * 1000 / (RATE * (WARM_UP_SECONDS + SECONDS));
            String loadAfterSaves = Report.loadAverage();
            // The large dossiers come after the saves, so that the saves run on a table of ordinary ER dossiers.
            deployLargeQuestionnaire(ministry, admin);
            long large = largeDossiers(first, siren(100));
            cpuBefore = cpuSeconds(pid);
            Map<String, Double> load = loads(base, tokens.get(0), large);
            load.put("cpu", (cpuSeconds(pid) - cpuBefore) * 1000 / (LOAD_WARM_UP + LOADS));
            load.put("saveCpu", saveCpu);
            String section = section(saves, load, loadBefore + " before, " + loadAfterSaves + " after the saves, "
                + Report.loadAverage() + " after the loads", filled.size());
            System.out.println(section);
            Report.write(Path.of(System.getProperty("liasse.report")), section);
        }
    }

    /** A valid (Luhn) fictional SIREN with the never-allocated {@code 000} prefix. */
    static String siren(int n) {
        String body = String.format("%08d", n);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int digit = body.charAt(7 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** A plausible value for every entered cell of the fixed tables of a questionnaire view. */
    private static Map<String, String> everyEnteredCell(JsonNode view) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode fiche : view.path("fiches")) {
            for (JsonNode table : fiche.path("tables")) {
                for (JsonNode row : table.path("rows")) {
                    for (JsonNode column : table.path("columns")) {
                        String cell = fiche.path("code").asText() + "." + row.path("code").asText() + "."
                            + column.path("code").asText();
                        if (view.path("formulas").has(cell)) {
                            continue;
                        }
                        values.put(cell, switch (column.path("type").asText()) {
                            case "INTEGER" -> "42";
                            case "DECIMAL", "AMOUNT", "PERCENTAGE" -> "12.5";
                            case "DATE" -> "2025-12-31";
                            case "CODE" -> column.path("codes").get(0).asText();
                            case "BOOLEAN" -> "oui";
                            default -> "Valeur de test (FICTIF)";
                        });
                    }
                }
            }
        }
        return values;
    }

    /** A plugin with one questionnaire version for 2024 and 2025: ROWS × 10 entered cells and a computed total row. */
    private static void deployLargeQuestionnaire(Distribution ministry, Http admin) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= ROWS; r++) {
            rows.append("{\"code\":\"R").append(String.format("%03d", r)).append("\",\"label\":\"Ligne ").append(r)
                .append("\"},\n");
        }
        StringBuilder computed = new StringBuilder();
        for (int c = 0; c < 8; c++) {
            computed.append(c == 0 ? "" : ",").append("\"").append(COLUMNS[c]).append("\":\"sum(GRANDE.R001.")
                .append(COLUMNS[c]).append(":GRANDE.R").append(ROWS).append('.').append(COLUMNS[c]).append(")\"");
        }
        rows.append("{\"code\":\"TOTAL\",\"label\":\"Total\",\"computed\":{").append(computed).append("}}");
        String questionnaire = """
            {
              "code": "BENCH2K",
              "version": "1.0",
              "title": "Questionnaire du banc de mesure (fictif)",
              "years": [2024, 2025],
              "fiches": [ { "code": "GRANDE", "title": "Grande fiche", "tables": [ {
                "code": "LIGNES", "title": "Lignes",
                "rows": [ %s ],
                "columns": [
                  { "code": "C01", "label": "Montant 1", "type": "amount", "unit": "€" },
                  { "code": "C02", "label": "Montant 2", "type": "amount", "unit": "€" },
                  { "code": "C03", "label": "Montant 3", "type": "amount", "unit": "€" },
                  { "code": "C04", "label": "Montant 4", "type": "amount", "unit": "€", "min": 0 },
                  { "code": "C05", "label": "Nombre 1", "type": "integer", "min": 0 },
                  { "code": "C06", "label": "Nombre 2", "type": "integer", "min": 0 },
                  { "code": "C07", "label": "Surface", "type": "decimal", "scale": 2, "unit": "m²" },
                  { "code": "C08", "label": "Taux", "type": "percentage", "scale": 2, "min": 0, "max": 100 },
                  { "code": "C09", "label": "Commentaire", "type": "text", "maxLength": 60 },
                  { "code": "C10", "label": "Catégorie", "type": "code", "codes": ["A", "B", "C"] }
                ]
              } ] } ]
            }
            """.formatted(rows);
        Path staging = Files.createDirectories(ministry.home().resolve("data/tmp"));
        Path jar = staging.resolve("bench-2k.part");
        Files.write(jar, new PluginJar("org.liasse.bench.large", "1.0.0")
            .file("questionnaires/bench2k.json", questionnaire).bytes());
        Files.move(jar, ministry.home().resolve("deploy/bench-2k.jar"), StandardCopyOption.ATOMIC_MOVE);
        Http.Reply served = Await.until("plugin BENCH2K", TIMEOUT, () -> admin.get("/questionnaires/BENCH2K/1.0"),
            r -> r.status() == 200 || r.status() == 0);
        check(served.status() == 200, "BENCH2K not served: " + served.body());
    }

    /** Creates and fills the large dossiers of 2024 and 2025 (every entered cell); returns the 2025 one. */
    private static long largeDossiers(Http user, String siren) {
        long id = 0;
        for (int year : List.of(2024, 2025)) {
            Http.Reply created = user.post("/organisations/" + siren + "/dossiers",
                "{\"year\":" + year + ",\"questionnaire\":\"BENCH2K\"}");
            check(created.status() == 201, "large dossier: " + created.body());
            id = created.json().path("id").asLong();
            Map<String, String> values = new LinkedHashMap<>();
            for (int r = 1; r <= ROWS; r++) {
                String row = "GRANDE.R" + String.format("%03d", r) + ".";
                int seed = r * 37 + year;
                values.put(row + "C01", (seed * 101) + "." + String.format("%02d", seed % 100));
                values.put(row + "C02", Integer.toString(seed * 53));
                values.put(row + "C03", "-" + (seed % 977) + ".5");
                values.put(row + "C04", (seed * 7) + ".25");
                values.put(row + "C05", Integer.toString(seed % 500));
                values.put(row + "C06", Integer.toString(seed % 17));
                values.put(row + "C07", (seed % 3000) + ".75");
                values.put(row + "C08", (seed % 100) + ".5");
                values.put(row + "C09", "Commentaire de la ligne " + r + " (" + year + ")");
                values.put(row + "C10", List.of("A", "B", "C").get(seed % 3));
            }
            Http.Reply saved = user.patch("/dossiers/" + id + "/values", "\"" + created.json().path("revision").asLong() + "\"",
                json(Map.of("values", values)));
            check(saved.status() == 200, "large dossier not filled: " + saved.body());
            check(saved.json().path("values").size() == ROWS * COLUMNS.length + 8, "cells: " + saved.json().path("values").size());
        }
        return id;
    }

    /** Times GET /dossiers/{id} of the large 2025 dossier (with its 2024 values), one request at a time. */
    private static Map<String, Double> loads(String base, String token, long dossier) throws Exception {
        HttpClient client = client();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/dossiers/" + dossier))
            .header("Authorization", "Bearer " + token).GET().build();
        List<Double> millis = new ArrayList<>();
        long bytes = 0;
        int values = 0;
        for (int i = 0; i < LOAD_WARM_UP + LOADS; i++) {
            long begin = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double elapsed = (System.nanoTime() - begin) / 1e6;
            check(response.statusCode() == 200, "load: " + response.statusCode());
            if (i >= LOAD_WARM_UP) {
                millis.add(elapsed);
            } else if (i == 0) {
                var read = JSON.readTree(response.body());
                values = read.path("values").size() + read.path("previous").path("values").size();
                check(read.path("previous").path("values").size() >= 2000, "N-1 values missing");
            }
            bytes = response.body().length;
        }
        List<Double> sorted = Report.sorted(millis);
        Map<String, Double> load = new LinkedHashMap<>();
        load.put("runs", (double) sorted.size());
        load.put("p50", Report.percentile(sorted, 50));
        load.put("p95", Report.percentile(sorted, 95));
        load.put("p99", Report.percentile(sorted, 99));
        load.put("min", sorted.get(0));
        load.put("max", sorted.get(sorted.size() - 1));
        load.put("kB", bytes / 1024.0);
        load.put("values", (double) values);
        return load;
    }

    /**
     * Open-loop saves: one request every 1/RATE s whatever the answers, spread round-robin over the dossiers. Each
     * dossier has its own queue (its next save needs the revision of the previous one), and the latency is counted
     * from the scheduled start, so a slow answer delays the following ones and shows up in the figures.
     */
    private static List<Save> saves(String base, List<String> tokens, List<Long> dossiers) throws Exception {
        HttpClient client = client();
        int total = RATE * (WARM_UP_SECONDS + SECONDS);
        int warmUp = RATE * WARM_UP_SECONDS;
        List<ExecutorService> queues = new ArrayList<>();
        long[] revisions = new long[dossiers.size()];
        for (int d = 0; d < dossiers.size(); d++) {
            queues.add(Executors.newSingleThreadExecutor());
            revisions[d] = 2;
        }
        List<Save> saves = Collections.synchronizedList(new ArrayList<>());
        long period = 1_000_000_000L / RATE;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * period;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int d = i % dossiers.size();
            int n = i;
            queues.get(d).execute(() -> {
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < SAVED_CELLS.size(); c++) {
                    values.put(SAVED_CELLS.get(c), (100_000 + c * 1_000 + n) + "." + String.format("%02d", n % 100));
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/dossiers/" + dossiers.get(d) + "/values"))
                    .header("Authorization", "Bearer " + tokens.get(d)).header("Content-Type", "application/json")
                    .header("If-Match", "\"" + revisions[d] + "\"")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(json(Map.of("values", values)))).build();
                long sent = System.nanoTime();
                int status;
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    if (status == 200) {
                        revisions[d] = Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
                    } else {
                        System.err.println("save " + n + ": " + status + " " + response.body());
                    }
                } catch (IOException e) {
                    status = 0;
                    System.err.println("save " + n + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long end = System.nanoTime();
                if (n >= warmUp) {
                    saves.add(new Save((end - scheduled) / 1e6, (end - sent) / 1e6, status));
                }
            });
        }
        for (ExecutorService queue : queues) {
            queue.shutdown();
            check(queue.awaitTermination(5, TimeUnit.MINUTES), "saves did not finish");
        }
        return saves;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** CPU time used so far by a process (user + system), from {@code /proc/<pid>/stat}. */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** The 1, 5 and 15 minute load averages of the machine: other work on it shows here. */
    private static String section(List<Save> saves, Map<String, Double> load, String machineLoad, int prefilled) {
        List<Double> latency = Report.sorted(saves.stream().map(Save::latencyMillis).toList());
        List<Double> service = Report.sorted(saves.stream().map(Save::serviceMillis).toList());
        Map<Integer, Long> statuses = new TreeMap<>();
        saves.forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
        long errors = saves.stream().filter(s -> s.status() != 200).count();
        double p99 = Report.percentile(latency, 99);
        String table = String.join("\n",
            "| measurement | requests | p50 | p95 | p99 | max | target | met |",
            "|---|---|---|---|---|---|---|---|",
            "| Save of 20 cells with If-Match at " + RATE + " requests/s, latency (ms) | " + latency.size() + " | "
                + Report.number(Report.percentile(latency, 50)) + " | " + Report.number(Report.percentile(latency, 95))
                + " | " + Report.number(p99) + " | " + Report.number(latency.get(latency.size() - 1))
                + " | p99 ≤ 100 | " + (p99 <= 100 && errors == 0 ? "yes" : "no") + " |",
            "| same saves, time on the wire only (ms) | " + service.size() + " | "
                + Report.number(Report.percentile(service, 50)) + " | " + Report.number(Report.percentile(service, 95))
                + " | " + Report.number(Report.percentile(service, 99)) + " | "
                + Report.number(service.get(service.size() - 1)) + " | | |",
            "| Load of a " + (ROWS + 1) * COLUMNS.length + "-cell dossier with its N-1 values (ms) | "
                + load.get("runs").intValue() + " | " + Report.number(load.get("p50")) + " | "
                + Report.number(load.get("p95")) + " | " + Report.number(load.get("p99")) + " | "
                + Report.number(load.get("max")) + " | ≤ 50 | " + (load.get("p95") <= 50 ? "yes" : "no") + " |");
        return """
            ## Data entry

            Measured by `mvn -B -ntp -pl benchmarks exec:java -Dexec.mainClass=org.liasse.benchmarks.DataEntryBenchmark`
            (after `mvn -B -ntp install -DskipTests`) on %s, %d cores, Java %s, on the real ministry distribution
            (embedded Derby) over real HTTP. The client runs on the same machine and shares its two cores with the
            server, and other work on the machine slows both: its load average (1 / 5 / 15 min) was
            %s.

            %s

            - **Saves**: %d s at %d requests/s after a %d s warm-up at the same rate: %d saves measured, %d errors%s.
              They go round-robin to %d ER 2025 dossiers of %d organisations, each filled beforehand (%d values: every
              entered cell of the fixed tables) and saved by its own user with the ETag of its previous save, so that
              no revision collides. Each save changes 20 amounts of the balance sheet and the income statement, writes
              their 20 history rows, recomputes every computed cell (5 totals change) and appends one audit entry.
              The server's Java process used %s ms of CPU per save (user + system, warm-up included).
              The pacing is open-loop: a save is due every %s ms whatever the answers, and its latency runs from
              when it was due, so a slow answer also delays the saves queued behind it. "Time on the wire" runs from
              the actual send.
            - **Load**: `GET /api/v1/dossiers/{id}` of a dossier of a generated plugin dropped into `deploy/`
              (%d rows × 10 columns of amounts, integers, decimals, percentages, texts and codes, plus a computed
              total row) with every entered cell filled, together with the filled dossier of year N-1: %d values,
              %s kB of JSON. Timed one request at a time after %d warm-up requests, from sending the request to
              the last byte received, on the client over localhost: this bounds the server time from above (it also
              counts the loopback transfer and the client's share of the two cores). The server's Java process used
              %s ms of CPU per load. Met when p95 ≤ 50 ms.
            """.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            machineLoad, table,
            SECONDS, RATE, WARM_UP_SECONDS, saves.size(), errors, errors == 0 ? "" : " (statuses " + statuses + ")",
            DOSSIERS, DOSSIERS, prefilled, Report.number(load.get("saveCpu")), Report.number(1000.0 / RATE),
            ROWS, load.get("values").intValue(), Report.number(load.get("kB")), LOAD_WARM_UP,
            Report.number(load.get("cpu")));
    }
}
