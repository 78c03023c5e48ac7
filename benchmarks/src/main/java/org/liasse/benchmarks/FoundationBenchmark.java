package org.liasse.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.liasse.itests.Await;
import org.liasse.itests.Distribution;
import org.liasse.itests.Http;
import org.liasse.itests.PluginJar;

/**
 * Measures the real ministry distribution, run as an operator runs it: cold start to the first healthy answer,
 * resident memory once idle, and hot deploy of a plugin jar dropped into {@code deploy/} until its definitions
 * are served. Writes the figures and the targets to {@code docs/benchmarks.md}.
 */
public final class FoundationBenchmark {

    private static final int STARTS = 3;
    private static final int DEPLOYS = 5;
    private static final long TIMEOUT = 120_000;
    private static final String ADMIN_PASSWORD = "Mot de passe du banc de mesure 2025";

    private FoundationBenchmark() {
    }

    /** Runs every measurement and writes the report. */
    public static void main(String[] args) throws Exception {
        List<Double> starts = new ArrayList<>();
        List<Double> memory = new ArrayList<>();
        List<Double> deploys = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            try (Distribution ministry = Distribution.unpack("ministry", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
                long begin = System.nanoTime();
                ministry.start();
                Await.until("health", TIMEOUT, () -> ministry.http().get("/health"), r -> r.status() == 200);
                starts.add((System.nanoTime() - begin) / 1e9);
                Thread.sleep(15_000);
                memory.add(residentMegabytes(ministry));
                if (i == 0) {
                    deploys.addAll(hotDeploys(ministry));
                }
            }
        }
        String report = report(starts, memory, deploys);
        Report.write(Path.of(System.getProperty("liasse.report")), report);
        System.out.println(report);
    }

    private static List<Double> hotDeploys(Distribution ministry) throws IOException {
        List<Double> seconds = new ArrayList<>();
        Path deploy = ministry.home().resolve("deploy");
        Path staging = Files.createDirectories(ministry.home().resolve("data/tmp"));
        Http http = Http.token(ministry.httpPort(), "admin", ADMIN_PASSWORD);
        for (int i = 0; i < DEPLOYS; i++) {
            String version = "1." + i + ".0";
            String questionnaireVersion = "1." + i;
            Path jar = staging.resolve("bench.part");
            Files.write(jar, new PluginJar("org.liasse.bench.deploy", version)
                .questionnaire("BENCH", questionnaireVersion, "A", "B", "C").bytes());
            long begin = System.nanoTime();
            Files.move(jar, deploy.resolve("bench-plugin.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
            Await.until("plugin " + version, TIMEOUT, () -> http.get("/questionnaires/BENCH/" + questionnaireVersion),
                r -> r.status() == 200);
            seconds.add((System.nanoTime() - begin) / 1e9);
        }
        return seconds;
    }

    private static double residentMegabytes(Distribution distribution) throws IOException {
        long pid = distribution.javaProcess().pid();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    private static String report(List<Double> starts, List<Double> memory, List<Double> deploys) {
        return """
            # Benchmarks

            Measured by `mvn -B -ntp -pl benchmarks exec:java` (after `mvn -B -ntp install -DskipTests`) on %s,
            %d cores, Java %s. The figures come from the real ministry distribution, unpacked from its archive and run
            as `bin/karaf server`, and are read over real HTTP. Each figure is measured, never typed in. One run on a
            shared machine is noisy, so compare the ratio to the target rather than the absolute number.

            ## Foundation

            | measurement | runs | median | min | max | target | met |
            |---|---|---|---|---|---|---|
            %s
            %s
            %s

            - **Cold start**: from launching `bin/karaf server` on an empty data folder to the first
              `GET /api/v1/health` that answers 200 (every component up). The schema migrations, the persistence
              warm-up and the creation of the first super-administrator (one Argon2id hash) are included.
            - **Idle resident memory**: `VmRSS` of the Karaf JVM, 15 s after the first healthy answer, with default
              JVM settings.
            - **Hot deploy**: from moving a plugin jar into `deploy/` to the first `GET /api/v1/questionnaires/…`
              that serves its new questionnaire version. The first drop installs the plugin; each later drop replaces
              the jar with a new version (bundle update).
            """.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            row("Cold start to first 200 (s)", starts, 15),
            row("Idle resident memory (MB)", memory, 500),
            row("Hot deploy of a plugin jar until served (s)", deploys, 3));
    }

    private static String row(String name, List<Double> values, double target) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | ≤ %s | %s |", name, values.size(), median,
            sorted.get(0), sorted.get(sorted.size() - 1), target % 1 == 0 ? Long.toString((long) target) : target,
            sorted.get(sorted.size() - 1) <= target ? "yes" : "no");
    }
}
