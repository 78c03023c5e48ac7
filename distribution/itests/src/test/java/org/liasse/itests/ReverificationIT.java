package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hot update of controls on the real ministry assembly in demo mode: verified dossiers of the open campaign are
 * re-verified in the background when a plugin carrying controls for ER is dropped into {@code deploy/}, then updated;
 * the impact report lists exactly the dossiers whose failed controls changed, organisations see their new result,
 * history keeps every run, a federation operator sees only its federation's lines, and operators read the report in
 * the browser. A control of severity format refuses a save.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReverificationIT {

    private static final String PLUGIN = "org.liasse.itest.controles";
    private static final String CONTROL = "ITEST_LOYERS_PLAFOND";
    private static final String DEMO_SIREN = "000000018";
    /** Two organisations with high rents, in two federations. */
    private static final String OPH_SIREN = "000000042";
    private static final String ESH_SIREN = "000000059";

    private static Distribution ministry;
    private static Http operator;
    private static Http ophEntry;
    private static final Map<String, Long> DOSSIERS = new TreeMap<>();
    private static final Map<String, Http> ENTRIES = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        ministry = Distribution.demo("ministry");
        int port = ministry.httpPort();
        operator = Http.token(port, "operateur.demo", Distribution.DEMO_PASSWORD);
        ENTRIES.put(DEMO_SIREN, Http.token(port, "saisie.demo", Distribution.DEMO_PASSWORD));
        for (String[] organisation : new String[][] {{OPH_SIREN, "OPH"}, {ESH_SIREN, "ESH"}}) {
            Http administrator = Accounts.organisation(port, operator, organisation[0], organisation[1], organisation[1]);
            ENTRIES.put(organisation[0], Accounts.user(port, administrator, organisation[0], "saisie." + organisation[0],
                "RESPONSABLE_SAISIE"));
            Http.Reply created = ENTRIES.get(organisation[0]).post("/organisations/" + organisation[0] + "/dossiers",
                "{\"year\":2025,\"questionnaire\":\"ER\"}");
            assertEquals(201, created.status(), created.body());
            DOSSIERS.put(organisation[0], created.json().path("id").asLong());
        }
        ophEntry = ENTRIES.get(OPH_SIREN);
        for (JsonNode dossier : ENTRIES.get(DEMO_SIREN).get("/organisations/" + DEMO_SIREN + "/dossiers").json()) {
            if (dossier.path("year").asInt() == 2025 && dossier.path("questionnaireCode").asText().equals("ER")) {
                DOSSIERS.put(DEMO_SIREN, dossier.path("id").asLong());
            }
        }
        for (String siren : DOSSIERS.keySet()) {
            Http.Reply saved = save(siren, siren.equals(DEMO_SIREN) ? "1000" : "500000");
            assertEquals(200, saved.status(), saved.body());
        }
        for (String siren : DOSSIERS.keySet()) {
            Http.Reply run = ENTRIES.get(siren).post("/dossiers/" + DOSSIERS.get(siren) + "/verifications", "");
            assertEquals(201, run.status(), run.body());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }

    private static Http.Reply save(String siren, String rents) {
        long id = DOSSIERS.get(siren);
        Http entry = ENTRIES.get(siren);
        long revision = entry.get("/dossiers/" + id).json().path("revision").asLong();
        return entry.patch("/dossiers/" + id + "/values", "\"" + revision + "\"",
            "{\"values\":{\"CR.LOYERS.MONTANT\":\"" + rents + "\"}}");
    }

    /** A plugin with only controls for ER: rents at most a ceiling, and rents never negative (format). */
    private static void deploy(String version, String ceiling) throws IOException {
        String controls = """
            {
              "controls": [
                {
                  "code": "%s",
                  "questionnaire": "ER",
                  "severity": "error",
                  "expression": "CR.LOYERS.MONTANT <= %s",
                  "message": "Les loyers ({left} €) dépassent le plafond de test ({right} €)."
                },
                {
                  "code": "ITEST_LOYERS_POSITIFS",
                  "questionnaire": "ER",
                  "severity": "format",
                  "expression": "CR.LOYERS.MONTANT >= 0",
                  "message": "Les loyers ne peuvent pas être négatifs ({left} €)."
                }
              ]
            }
            """.formatted(CONTROL, ceiling);
        ministry.deploy("itest-controles.jar", new PluginJar(PLUGIN, version).file("controls/loyers.json", controls).bytes());
    }

    /** Waits for the finished impact report of a plugin version and returns it with its lines. */
    private static JsonNode report(Http http, String version) {
        JsonNode summary = Await.until("impact report of " + version, 120_000, () -> {
            for (JsonNode report : operator.get("/impacts").json()) {
                if (report.path("trigger").asText().equals(PLUGIN + " " + version)
                    && !report.path("state").asText().equals("RUNNING")) {
                    return report;
                }
            }
            return null;
        }, report -> report != null);
        assertEquals("DONE", summary.path("state").asText(), summary.toString());
        Http.Reply detail = http.get("/impacts/" + summary.path("id").asLong());
        assertEquals(200, detail.status(), detail.body());
        return detail.json();
    }

    private static Map<Long, JsonNode> lines(JsonNode report) {
        Map<Long, JsonNode> lines = new TreeMap<>();
        report.path("lines").forEach(line -> lines.put(line.path("dossierId").asLong(), line));
        return lines;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    @Order(1)
    void aNewControlPluginReVerifiesTheVerifiedDossiersAndReportsTheNewlyFailingOnes() throws IOException {
        deploy("1.0.0", "100000");
        JsonNode report = report(operator, "1.0.0");
        assertEquals("ER", report.path("questionnaireCode").asText());
        assertEquals(2025, report.path("year").asInt());
        assertEquals(3, report.path("dossiers").asInt(), "the three verified dossiers, not the demo's others");
        Map<Long, JsonNode> lines = lines(report);
        assertEquals(List.of(DOSSIERS.get(OPH_SIREN), DOSSIERS.get(ESH_SIREN)), new ArrayList<>(lines.keySet()),
            report.toString());
        for (String siren : List.of(OPH_SIREN, ESH_SIREN)) {
            JsonNode line = lines.get(DOSSIERS.get(siren));
            assertEquals(siren, line.path("siren").asText());
            assertEquals(List.of(CONTROL), texts(line.path("newlyFailing")));
            assertEquals(List.of(), texts(line.path("newlyPassing")));
        }
        assertEquals(2, report.path("affected").asInt());
        assertEquals(2, report.path("newlyFailing").asInt());
        assertEquals(0, report.path("newlyPassing").asInt());

        JsonNode latest = ophEntry.get("/dossiers/" + DOSSIERS.get(OPH_SIREN) + "/verifications/latest").json();
        assertEquals("mise-a-jour-des-controles", latest.path("actor").asText());
        assertEquals(PLUGIN + " 1.0.0", latest.path("trigger").asText());
        assertTrue(latest.path("outcomes").toString().contains(CONTROL), latest.toString());
    }

    @Test
    @Order(2)
    void aFixedVersionReportsTheNewlyPassingDossiersAndHistoryKeepsEveryRun() throws IOException {
        deploy("2.0.0", "1000000");
        JsonNode report = report(operator, "2.0.0");
        Map<Long, JsonNode> lines = lines(report);
        assertEquals(List.of(DOSSIERS.get(OPH_SIREN), DOSSIERS.get(ESH_SIREN)), new ArrayList<>(lines.keySet()),
            report.toString());
        lines.values().forEach(line -> {
            assertEquals(List.of(), texts(line.path("newlyFailing")));
            assertEquals(List.of(CONTROL), texts(line.path("newlyPassing")));
        });

        String dossier = "/dossiers/" + DOSSIERS.get(OPH_SIREN);
        JsonNode latest = ophEntry.get(dossier + "/verifications/latest").json();
        assertEquals(PLUGIN + " 2.0.0", latest.path("trigger").asText());
        assertFalse(latest.path("outcomes").toString().contains(CONTROL), latest.toString());
        assertTrue(latest.path("passed").asInt() > 0, latest.toString());

        JsonNode history = ophEntry.get(dossier + "/verifications").json();
        assertEquals(3, history.size(), history.toString());
        assertEquals(latest.path("id").asLong(), history.get(0).path("id").asLong(), "newest first");
        assertEquals(PLUGIN + " 1.0.0", history.get(1).path("trigger").asText());
        assertEquals("saisie." + OPH_SIREN, history.get(2).path("actor").asText());
        assertTrue(history.get(2).path("trigger").isNull(), history.toString());
        assertEquals(1, history.get(1).path("failed").asInt() - history.get(0).path("failed").asInt(),
            history.toString());
    }

    @Test
    @Order(3)
    void aFederationOperatorSeesOnlyTheLinesOfItsFederation() {
        int port = ministry.httpPort();
        Http esh = Accounts.operator(port, operator, "support.esh", "SUPPORT", "ESH");
        Http coop = Accounts.operator(port, operator, "support.coop", "SUPPORT", "COOP");
        JsonNode seen = report(esh, "1.0.0");
        assertEquals(List.of(DOSSIERS.get(ESH_SIREN)), new ArrayList<>(lines(seen).keySet()));
        assertEquals(1, seen.path("affected").asInt());
        JsonNode none = report(coop, "1.0.0");
        assertEquals(0, none.path("lines").size(), none.toString());
        assertEquals(0, none.path("newlyFailing").asInt());
        assertEquals(403, ophEntry.get("/impacts").status());
    }

    @Test
    @Order(4)
    void aFormatControlRefusesTheSaveAtTheCell() {
        Http.Reply refused = save(OPH_SIREN, "-5");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("controle-format", refused.json().path("code").asText());
        JsonNode error = refused.json().path("errors").get(0);
        assertEquals("CR.LOYERS.MONTANT", error.path("field").asText(), refused.body());
        assertEquals("ITEST_LOYERS_POSITIFS", error.path("code").asText());
        assertEquals("500000", ophEntry.get("/dossiers/" + DOSSIERS.get(OPH_SIREN)).json().path("values")
            .path("CR.LOYERS.MONTANT").asText().replaceAll("\\.0+$", ""), "nothing saved");
        assertEquals(200, save(OPH_SIREN, "400000").status());

        // An import's dry run reports the same refusal at its line, before anything is applied.
        Http.Reply dryRun = ophEntry.upload("POST", "/dossiers/" + DOSSIERS.get(OPH_SIREN) + "/imports?format=csv"
            + "&apply=false", "text/csv", "cellule;valeur\nCR.LOYERS.MONTANT;-5\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(200, dryRun.status(), dryRun.body());
        JsonNode problem = dryRun.json().path("problems").get(0);
        assertEquals("ITEST_LOYERS_POSITIFS", problem.path("code").asText(), dryRun.body());
        assertEquals(2, problem.path("line").asInt());
        assertEquals("CR.LOYERS.MONTANT", problem.path("cell").asText());
    }

    @Test
    @Order(5)
    void operatorsReadTheReportInTheBrowser() throws IOException {
        try (Browser browser = new Browser("http://localhost:" + ministry.httpPort())) {
            browser.signIn("operateur.demo", Distribution.DEMO_PASSWORD, "/operateur/organisations.html");
            browser.find("nav a[href='/operateur/impacts.html']").click();
            browser.awaitPage("/operateur/impacts.html").checkPage("40-impacts");
            String rows = browser.until(d -> browser.find("#impacts tbody").getText());
            assertTrue(rows.contains(PLUGIN + " 1.0.0") && rows.contains(PLUGIN + " 2.0.0"), rows);
            browser.find("#impacts tbody tr:last-child button").click();
            String lines = browser.until(d -> browser.byId("detail-bloc").isDisplayed() ? browser.find("#lignes tbody").getText() : null);
            assertTrue(lines.contains(OPH_SIREN) && lines.contains(ESH_SIREN) && lines.contains(CONTROL), lines);
            assertFalse(lines.contains(DEMO_SIREN), lines);
            browser.checkPage("41-impacts-detail");

            browser.find("#lignes a").click();
            browser.awaitPage("/dossier/verification.html");
            String notice = browser.until(d -> browser.byId("avis-mise-a-jour").getText());
            assertTrue(notice.contains("mise à jour des contrôles") && notice.contains(PLUGIN + " 2.0.0"), notice);
        }
    }

    @Test
    @Order(6)
    void rulesChangedWhileTheServerWasDownAreReVerifiedWhenItStarts() throws Exception {
        ministry.stop();
        deploy("3.0.0", "100000");
        ministry.start();
        Await.until("ministry health", 180_000, () -> ministry.http().get("/health"), r -> r.status() == 200);
        operator = Http.token(ministry.httpPort(), "operateur.demo", Distribution.DEMO_PASSWORD);
        JsonNode summary = Await.until("impact report after the restart", 120_000, () -> {
            for (JsonNode report : operator.get("/impacts").json()) {
                if (report.path("newlyFailing").asInt() > 0 && !report.path("trigger").asText().endsWith(" 1.0.0")
                    && report.path("state").asText().equals("DONE")) {
                    return report;
                }
            }
            return null;
        }, report -> report != null);
        Map<Long, JsonNode> lines = lines(operator.get("/impacts/" + summary.path("id").asLong()).json());
        assertEquals(List.of(DOSSIERS.get(OPH_SIREN), DOSSIERS.get(ESH_SIREN)), new ArrayList<>(lines.keySet()),
            summary.toString());
        lines.values().forEach(line -> assertEquals(List.of(CONTROL), texts(line.path("newlyFailing"))));
    }
}
