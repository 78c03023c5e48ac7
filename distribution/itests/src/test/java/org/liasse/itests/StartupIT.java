package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * What an operator sees when a start goes wrong, on the real ministry assembly run as a process: a bootstrap
 * password the policy refuses leaves the server up and says why; a re-verification a {@code kill -9} left unfinished
 * is marked interrupted and run again at the next start; a busy HTTP port ends the process with an error status.
 * And what it relies on when nothing goes wrong: a first start says ready only once the shipped plugin is active.
 */
class StartupIT {

    private static final long BOOT_TIMEOUT = 180_000;
    /** The shipped plugins' version as their bundles declare it. */
    private static final String VERSION = System.getProperty("liasse.version").replace("-SNAPSHOT", ".SNAPSHOT");

    @Test
    void aBootstrapPasswordThatFailsThePolicyLeavesTheServerUpWithAClearReason() throws Exception {
        String password = "admin-Liasse-2025-initial";
        // Demo mode, so that an operator exists to read the components' details (anonymous callers get the status)
        try (Distribution ministry = Distribution.demo("ministry",
            distribution -> distribution.setProperty("etc/org.liasse.identity.cfg", "bootstrap.password", password))) {
            Http operator = Http.token(ministry.httpPort(), "operateur.demo", Distribution.DEMO_PASSWORD);
            Http.Reply health = Await.until("ministry ready", BOOT_TIMEOUT, () -> operator.get("/health"),
                r -> r.status() == 200 && r.json().path("ready").asBoolean()
                    && r.json().path("components").path("identity").path("detail").asText().contains("admin"));
            JsonNode identity = health.json().path("components").path("identity");
            assertEquals("UP", identity.path("status").asText());
            assertTrue(identity.path("detail").asText().contains("compte admin non créé car LIASSE_ADMIN_PASSWORD"),
                identity.toString());
            assertEquals(401, ministry.http().post("/session", "{\"login\":\"admin\",\"password\":\"" + password
                + "\"}").status(), "no admin was created");
            String log = Files.readString(ministry.home().resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
            assertTrue(log.contains("Premier super-administrateur : compte admin non créé"), "the log says why");
        }
    }

    @Test
    void aFirstStartSaysReadyOnlyOnceTheShippedPluginIsActive() throws Exception {
        try (Distribution ministry = Distribution.unpack("ministry", Map.of())) {
            ministry.start();
            Await.until("ministry ready", BOOT_TIMEOUT, () -> ministry.http().get("/health"),
                r -> r.status() == 200 && r.json().path("ready").asBoolean());
            // The extender logs the moment it first says ready: by then the plugin shipped in the features was loaded
            // and its version recorded, although nothing was recorded before this first start
            List<String> log = Files.readAllLines(ministry.home().resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
            int active = indexOf(log, "Plugin org.liasse.ministry.er " + VERSION + " actif");
            int ready = indexOf(log, "Extender prêt : versions enregistrées actives [org.liasse.ministry.er " + VERSION + "]");
            assertTrue(active >= 0 && ready > active, "the plugin active (line " + active + ") before ready (line " + ready
                + ")");
        }
    }

    /** The index of the first line containing a text, or -1. */
    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aBusyHttpPortEndsTheStartWithAnErrorStatusAndALogLine() throws Exception {
        try (Distribution ministry = Distribution.unpack("ministry", Map.of());
             ServerSocket busy = new ServerSocket(ministry.httpPort())) {
            ministry.setProperty("etc/org.ops4j.pax.web.cfg", "liasse.http.grace.seconds", "5");
            ministry.start();
            assertEquals(1, ministry.awaitExit(BOOT_TIMEOUT), "bin/karaf server exits with an error status");
            String log = Files.readString(ministry.home().resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
            assertTrue(log.lines().anyMatch(line -> line.contains("| ERROR |")
                && line.contains("Le serveur HTTP n'a pas pu ouvrir le port " + ministry.httpPort() + " ")), log);
        }
    }

    @Test
    void aReVerificationLeftRunningByAKillIsMarkedInterruptedAndRunAgain() throws Exception {
        try (Distribution ministry = Distribution.demo("ministry")) {
            Http operator = Http.token(ministry.httpPort(), "operateur.demo", Distribution.DEMO_PASSWORD);
            Http entry = Http.token(ministry.httpPort(), "saisie.demo", Distribution.DEMO_PASSWORD);
            long dossier = entry.get("/organisations/000000018/dossiers").json().get(0).path("id").asLong();
            assertEquals(201, entry.post("/dossiers/" + dossier + "/verifications", "").status());
            String plugin = "org.liasse.itest.interruption";
            ministry.deploy("interruption.jar", new PluginJar(plugin, "1.0.0").file("controls/loyers.json", """
                { "controls": [ { "code": "ITEST_LOYERS", "questionnaire": "ER", "severity": "error",
                  "expression": "CR.LOYERS.MONTANT <= 1", "message": "Loyers trop élevés ({left} €)." } ] }
                """).bytes());
            String trigger = plugin + " 1.0.0";
            JsonNode done = Await.until("impact report of " + trigger, 120_000, () -> report(operator, trigger, "DONE"),
                r -> r != null);

            // What a kill -9 in the middle of that re-verification leaves: the report RUNNING, the dossiers not
            // re-verified yet still with their runs made under other rules.
            ministry.kill();
            try (Connection db = DriverManager.getConnection("jdbc:derby:" + ministry.home().resolve("data/liasse/derby"));
                 Statement sql = db.createStatement()) {
                sql.executeUpdate("UPDATE impact_report SET state = 'RUNNING', finished_at = NULL WHERE id = "
                    + done.path("id").asLong());
                sql.executeUpdate("UPDATE verification SET rules_fingerprint = 'avant-interruption' WHERE id = "
                    + "(SELECT MAX(id) FROM verification WHERE dossier_id = " + dossier + ")");
            } finally {
                shutdownDerby();
            }
            ministry.start();

            Await.until("the killed report marked interrupted", BOOT_TIMEOUT, () -> {
                Http.Reply reply = operator.get("/impacts/" + done.path("id").asLong());
                return reply.status() == 200 ? reply.json().path("state").asText() : "";
            }, "INTERRUPTED"::equals);
            JsonNode resumed = Await.until("the re-verification run again", 120_000, () -> {
                JsonNode again = report(operator, trigger, "DONE");
                return again != null && again.path("id").asLong() != done.path("id").asLong() ? again : null;
            }, r -> r != null);
            assertEquals(1, resumed.path("dossiers").asInt(), resumed.toString());
        }
    }

    /** The latest impact report of a trigger in a state, or null. */
    private static JsonNode report(Http operator, String trigger, String state) {
        Http.Reply reports = operator.get("/impacts");
        if (reports.status() != 200) {
            return null;
        }
        JsonNode found = null;
        for (JsonNode report : reports.json()) {
            if (report.path("trigger").asText().equals(trigger) && report.path("state").asText().equals(state)
                && (found == null || report.path("id").asLong() > found.path("id").asLong())) {
                found = report;
            }
        }
        return found;
    }

    /** Shuts the embedded Derby engine of the test down, so that the server can open the database again. */
    private static void shutdownDerby() {
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby answers a clean shutdown with SQLState XJ015.
        }
    }
}
