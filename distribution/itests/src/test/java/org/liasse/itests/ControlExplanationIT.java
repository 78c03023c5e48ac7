package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operators' explanation of a control on the real ministry assembly: the shipped ER controls, compiled at load,
 * evaluated on a stored dossier with its year N-1 dossier, each sub-expression with its value; and controls of a
 * hot-deployed plugin whose verdict, near the limits of the fixed-point representation, is the explanation's.
 */
class ControlExplanationIT {

    private static final String ADMIN_PASSWORD = "Mot de passe initial du test 2025";
    private static final String SIREN = "000000067";
    private static final String GROUP = "\u202f";
    private static final String LIMITS_SIREN = "000000075";
    private static final String LIMITS_PLUGIN = "org.liasse.itest.limites";

    private static Distribution ministry;
    private static Http admin;
    private static Http entry;
    private static long dossier;

    @BeforeAll
    static void start() throws Exception {
        ministry = Distribution.unpack("ministry", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD));
        ministry.setProperty("etc/org.liasse.identity.cfg", "show.activation.codes", "true");
        ministry.start();
        int port = ministry.httpPort();
        Await.until("health", 120_000, () -> ministry.http().get("/health"), r -> r.status() == 200);
        admin = Http.token(port, "admin", ADMIN_PASSWORD);
        for (int year : new int[] {2024, 2025}) {
            assertEquals(201, admin.post("/campaigns", """
                {"year":%d,"label":"Campagne %d","opening":"%d-04-01","deadline":"%d-07-31","state":"OPEN"}
                """.formatted(year, year, year + 1, year + 1)).status());
        }
        Http administrator = Accounts.organisation(port, admin, SIREN, "OPH", "OPH");
        entry = Accounts.user(port, administrator, SIREN, "saisie." + SIREN, "RESPONSABLE_SAISIE");
        long previous = create(2024);
        save(previous, "{\"values\":{\"CR.LOYERS.MONTANT\":\"100000\"}}");
        dossier = create(2025);
        save(dossier, """
            {"values":{"BILAN.IMMO.MONTANT":"500000","BILAN.TRESO.MONTANT":"1.01","BILAN.CAPITAUX.MONTANT":"100000",
             "BILAN.DETTES.MONTANT":"400000","CR.LOYERS.MONTANT":"150000","CR.ACHATS.MONTANT":"20000"}}
            """);
    }

    private static long create(int year) {
        Http.Reply created = Await.until("ER dossier " + year, 60_000, () -> entry.post("/organisations/" + SIREN
            + "/dossiers", "{\"year\":" + year + ",\"questionnaire\":\"ER\"}"), reply -> reply.status() == 201);
        return created.json().path("id").asLong();
    }

    private static void save(long id, String changes) {
        long revision = entry.get("/dossiers/" + id).json().path("revision").asLong();
        Http.Reply saved = entry.patch("/dossiers/" + id + "/values", "\"" + revision + "\"", changes);
        assertEquals(200, saved.status(), saved.body());
    }

    @AfterAll
    static void stop() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }

    private static JsonNode explain(Http http, String control) {
        Http.Reply reply = http.get("/dossiers/" + dossier + "/controls/" + control + "/explanation");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void aFailedBalanceIsExplainedWithTheValuesInvolved() {
        JsonNode explanation = explain(entry, "ER_BILAN_EQUILIBRE");
        assertEquals("2025.1", explanation.path("questionnaireVersion").asText());
        JsonNode outcome = explanation.path("outcome");
        assertEquals("FAILED", outcome.path("status").asText());
        assertEquals("ERROR", outcome.path("severity").asText());
        assertEquals("Le total de l’actif (500" + GROUP + "001,01 €) doit être égal au total du passif (500" + GROUP
            + "000 €) à 1 € près : l’écart est de 1,01 €.", outcome.path("message").asText());
        assertEquals("500" + GROUP + "001,01", outcome.path("values").path("BILAN.TOTAL_ACTIF.MONTANT").asText());
        assertTrue(outcome.path("ruleVersion").asText().startsWith("org.liasse.ministry.er "), outcome.toString());
        JsonNode expression = explanation.path("expression");
        assertEquals("BILAN.TOTAL_ACTIF.MONTANT = BILAN.TOTAL_PASSIF.MONTANT tolerance 1", expression.path("text").asText());
        assertEquals("faux", expression.path("value").asText());
        assertEquals("500" + GROUP + "000", expression.path("parts").get(1).path("value").asText());
    }

    @Test
    void prevReadsTheDossierOfTheYearBefore() {
        JsonNode outcome = explain(entry, "ER_LOYERS_EVOLUTION").path("outcome");
        assertEquals("FAILED", outcome.path("status").asText(), outcome.toString());
        assertEquals("100" + GROUP + "000", outcome.path("values").path("prev(CR.LOYERS.MONTANT)").asText());
        assertEquals("Les loyers varient de plus de 30 % par rapport à l’exercice précédent (100" + GROUP + "000 € puis 150"
            + GROUP + "000 €) : justifiez cette évolution.", outcome.path("message").asText());
    }

    @Test
    void datesBeyondFourDigitYearsAndHugeExponentsAreFormatErrorsOnTheCell() {
        long revision = entry.get("/dossiers/" + dossier).json().path("revision").asLong();
        Http.Reply date = entry.patch("/dossiers/" + dossier + "/values", "\"" + revision + "\"",
            "{\"values\":{\"IDENT.ORG.CLOTURE\":\"+10000-01-01\"}}");
        assertEquals(422, date.status(), date.body());
        assertEquals("date-invalide", date.json().path("errors").get(0).path("code").asText(), date.body());
        Http.Reply exponent = entry.patch("/dossiers/" + dossier + "/values", "\"" + revision + "\"",
            "{\"values\":{\"CR.LOYERS.MONTANT\":\"0e-5000000\"}}");
        assertEquals(422, exponent.status(), exponent.body());
        assertEquals("nombre-invalide", exponent.json().path("errors").get(0).path("code").asText(), exponent.body());
        Http.Reply dryRun = entry.upload("POST", "/dossiers/" + dossier + "/imports?format=csv&apply=false", "text/csv",
            "cellule;valeur\rCR.LOYERS.MONTANT;0e-5000000\rIDENT.ORG.CLOTURE;10000-01-01\r"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertEquals(200, dryRun.status(), dryRun.body());
        JsonNode problems = dryRun.json().path("problems");
        assertEquals(2, problems.size(), dryRun.body());
        assertEquals(2, problems.get(0).path("line").asInt(), "a lone CR ends a line: " + dryRun.body());
        assertEquals("nombre-invalide", problems.get(0).path("code").asText(), dryRun.body());
        assertEquals(3, problems.get(1).path("line").asInt(), dryRun.body());
        assertEquals("date-invalide", problems.get(1).path("code").asText(), dryRun.body());
        assertEquals(revision, entry.get("/dossiers/" + dossier).json().path("revision").asLong(), "nothing was saved");
    }

    @Test
    void operatorsMayExplainAndUnknownControlsAreNotFound() {
        Http support = Accounts.operator(ministry.httpPort(), admin, "support.controles", "SUPPORT", null);
        assertEquals("PASSED", explain(support, "ER_RESULTAT").path("outcome").path("status").asText());
        assertEquals("NOT_APPLICABLE", explain(support, "ER_CAPITAL").path("outcome").path("status").asText());
        Http.Reply unknown = support.get("/dossiers/" + dossier + "/controls/ER_INCONNU/explanation");
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("controle-inconnu", unknown.json().path("code").asText());
    }

    /**
     * Issue 20, items 1 and 3: a comparison whose scaled constant saturated the bytecode's long range, and a
     * division by zero whose numerator needs BigDecimal, verified on the running server as they are explained.
     */
    @Test
    void verdictsAtTheLimitsOfTheFixedPointRepresentationAreTheExplanations() throws Exception {
        String controls = """
            {"controls": [
              {"code": "ITEST_ECHELLE", "questionnaire": "ER", "severity": "error",
               "expression": "CR.LOYERS.MONTANT * 0.000001 > 10000000 + CR.ACHATS.MONTANT", "message": "échelle"},
              {"code": "ITEST_DIVISION", "questionnaire": "ER", "severity": "error",
               "expression": "empty(BILAN.IMMO.MONTANT / BILAN.TRESO.MONTANT)", "message": "division"}]}
            """;
        Path staging = Files.createTempFile(ministry.home(), "itest-limites", ".part");
        Files.write(staging, new PluginJar(LIMITS_PLUGIN, "1.0.0").file("controls/limites.json", controls).bytes());
        Files.move(staging, ministry.home().resolve("deploy").resolve("itest-limites.jar"),
            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Await.until(LIMITS_PLUGIN + " active", 120_000, () -> admin.get("/plugins").json(), plugins -> plugins != null
            && StreamSupport.stream(plugins.spliterator(), false).anyMatch(p -> p.path("id").asText()
                .equals(LIMITS_PLUGIN) && p.path("state").asText().equals("ACTIVE")));

        Http administrator = Accounts.organisation(ministry.httpPort(), admin, LIMITS_SIREN, "OPH", "OPH");
        Http user = Accounts.user(ministry.httpPort(), administrator, LIMITS_SIREN, "saisie." + LIMITS_SIREN,
            "RESPONSABLE_SAISIE");
        Http.Reply created = user.post("/organisations/" + LIMITS_SIREN + "/dossiers",
            "{\"year\":2025,\"questionnaire\":\"ER\"}");
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("id").asLong();
        Http.Reply saved = user.patch("/dossiers/" + id + "/values", "\"" + user.get("/dossiers/" + id).json()
            .path("revision").asLong() + "\"", """
            {"values":{"CR.LOYERS.MONTANT":"0","CR.ACHATS.MONTANT":"1",
             "BILAN.IMMO.MONTANT":"10000000000000","BILAN.TRESO.MONTANT":"0"}}
            """);
        assertEquals(200, saved.status(), saved.body());
        Http.Reply run = user.post("/dossiers/" + id + "/verifications", "");
        assertEquals(201, run.status(), run.body());
        JsonNode failed = run.json().path("outcomes");

        for (String[] expected : new String[][] {{"ITEST_ECHELLE", "FAILED"}, {"ITEST_DIVISION", "PASSED"}}) {
            Http.Reply explained = user.get("/dossiers/" + id + "/controls/" + expected[0] + "/explanation");
            assertEquals(200, explained.status(), explained.body());
            assertEquals(expected[1], explained.json().path("outcome").path("status").asText(), explained.body());
            String verified = StreamSupport.stream(failed.spliterator(), false)
                .filter(outcome -> outcome.path("code").asText().equals(expected[0]))
                .map(outcome -> outcome.path("status").asText()).findFirst().orElse("PASSED");
            assertEquals(expected[1], verified, expected[0] + " in " + run.body());
        }
    }
}
