package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The plugin manager's page and the operator accounts page in real headless Chromium, against the ministry
 * distribution in demo mode: a plugin manager uploads plugin jars through the page, sees them become active, sees a
 * broken one refused with its file and line, and rolls back after confirming; a super-administrator creates an
 * operator, changes their roles and perimeter, and deactivates them after confirming, after which they can no longer
 * sign in. An upload that changes controls links to its impact report. Both pages pass axe and reflow at 200 %.
 * The REST side of the upload (size limit, checks before install, 202 and its Location, audit) and of operator
 * accounts (If-Match and the revision read) is checked too.
 */
class OperatorScreensWebIT {

    private static final String PLUGIN = "org.liasse.itest.essai";

    private static Distribution ministry;
    private static String base;
    private static Http admin;
    private static Path jars;

    @BeforeAll
    static void startMinistry() throws Exception {
        ministry = Distribution.demo("ministry");
        base = "http://localhost:" + ministry.httpPort();
        admin = Http.token(ministry.httpPort(), "operateur.demo", Distribution.DEMO_PASSWORD);
        jars = Files.createTempDirectory("plugins-envoyes");
    }

    @AfterAll
    static void stopMinistry() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }

    private static Path jar(PluginJar plugin, String name) throws IOException {
        return Files.write(jars.resolve(name), plugin.bytes());
    }

    private static String upload(Browser browser, Path jar, String kind) {
        browser.byId("fichier").sendKeys(jar.toAbsolutePath().toString());
        browser.submit("envoi");
        return browser.message("envoi-messages", kind);
    }

    private static WebElement row(Browser browser, String tableId, String firstCell) {
        return browser.until(d -> browser.all("#" + tableId + " tbody tr").stream()
            .filter(r -> r.findElement(By.cssSelector("th")).getText().equals(firstCell)).findFirst().orElse(null));
    }

    @Test
    void aPluginManagerUploadsPluginsSeesARefusalWithItsLineAndRollsBackAfterConfirming() throws Exception {
        Accounts.operator(ministry.httpPort(), admin, "plugins.essai", "PLUGIN_MANAGER", null);
        Path first = jar(new PluginJar(PLUGIN, "1.0.0").questionnaire("TESSAI", "1.0", "A"), "premier.jar");
        Path second = jar(new PluginJar(PLUGIN, "1.1.0").questionnaire("TESSAI", "1.1", "A", "B"), "second.jar");
        Path broken = jar(new PluginJar(PLUGIN, "1.2.0").questionnaire("TESSAI", "1.2", "A").file("controls/c.json", """
            {
              "controls": [ { "code": "C1", "questionnaire": "TESSAI", "severity": "error",
                              "expression": "F1.ZZ.MONTANT = 0", "message": "Test" } ]
            }
            """), "casse.jar");

        try (Browser browser = new Browser(base)) {
            browser.signIn("plugins.essai", Accounts.PASSWORD, "/operateur/organisations.html");
            browser.find("nav.menu a[href='/operateur/plugins.html']").click();
            browser.awaitPage("/operateur/plugins.html");
            assertTrue(browser.all("nav.menu a[href='/operateur/comptes.html']").isEmpty(), "not a super-administrator");
            browser.checkPage("plugins-01-liste");

            assertTrue(upload(browser, first, "succes").contains("Plugin " + PLUGIN + " version 1.0.0 installé"));
            assertTrue(upload(browser, second, "succes").contains("version 1.1.0 installé"));
            WebElement installed = row(browser, "plugins", PLUGIN);
            assertTrue(installed.getText().contains("1.1.0"), installed.getText());
            assertTrue(installed.getText().contains("1.0.0"), "the previous version: " + installed.getText());
            assertTrue(installed.getText().contains("questionnaire TESSAI 1.1"), installed.getText());
            assertEquals(200, admin.get("/questionnaires/TESSAI/1.1").status(), "the uploaded version is in use");

            String refusal = upload(browser, broken, "erreur");
            assertTrue(refusal.contains("version 1.2.0 refusé"), refusal);
            assertTrue(refusal.contains("META-INF/liasse/controls/c.json:3"), refusal);
            assertTrue(refusal.contains("ligne 3"), refusal);
            String refusals = browser.byId("refus").getText();
            assertTrue(refusals.contains("META-INF/liasse/controls/c.json:3") && refusals.contains("F1.ZZ.MONTANT"), refusals);
            browser.checkPage("plugins-02-refus");
            browser.checkReflow("plugins-03-reflow");

            row(browser, "plugins", PLUGIN).findElement(By.cssSelector("button")).click();
            browser.until(d -> browser.byId("dialogue-confirmation").isDisplayed());
            assertEquals("Ramener le plugin " + PLUGIN + " à sa version 1.0.0 ?", browser.byId("confirmation-titre").getText());
            browser.checkPage("plugins-04-confirmation");
            browser.byId("confirmation-oui").click();
            assertTrue(browser.message("plugins-messages", "succes").contains("revenu à sa version 1.0.0"));
            JsonNode plugin = admin.get("/plugins/" + PLUGIN).json();
            assertEquals("1.0.0", plugin.path("activeVersion").asText(), plugin.toString());
            assertEquals("plugins.essai", plugin.path("activatedBy").asText(), plugin.toString());
        }
    }

    @Test
    void anUploadThatChangesControlsLinksToTheImpactReportOfThatUpdate() throws Exception {
        Http entry = Http.session(ministry.httpPort(), "saisie.demo", Distribution.DEMO_PASSWORD);
        long dossier = Dossiers.demo(entry, 2025);
        Http.Reply verified = entry.post("/dossiers/" + dossier + "/verifications", "");
        assertEquals(201, verified.status(), verified.body());
        String er = "org.liasse.ministry.er";
        Path stricter = Files.write(jars.resolve("er-strict.jar"), PluginJar.copyOf(ministry.shippedJar(er), er,
            "0.9.0", "controls/bilan.json", "sum(IDENT.ACTIONNAIRES_*.PART) <= 100",
            "max(IDENT.ACTIONNAIRES_*.PART) <= 60").bytes());

        try (Browser browser = new Browser(base)) {
            browser.signIn("operateur.demo", Distribution.DEMO_PASSWORD, "/operateur/organisations.html");
            browser.open("/operateur/plugins.html");
            assertTrue(upload(browser, stricter, "succes").contains("version 0.9.0 installé"));
            JsonNode report = Await.until("the impact report of the update", 60_000,
                () -> admin.get("/impacts").json(), reports -> reports.size() > 0
                    && reports.get(0).path("trigger").asText().contains("0.9.0")).get(0);
            browser.reload();
            WebElement link = browser.find("#dernier-impact a");
            assertTrue(link.getText().contains(report.path("trigger").asText()), link.getText());
            link.click();
            browser.awaitPage("/operateur/impacts.html");
            browser.until(d -> browser.byId("detail-bloc").isDisplayed());
            String title = browser.byId("titre-detail").getText();
            assertTrue(title.contains("campagne 2025") && title.contains("0.9.0"), title);
        }
    }

    @Test
    void theUploadIsCheckedBeforeInstallAndAnsweredWithTheIdToPoll() throws Exception {
        Http manager = Accounts.operator(ministry.httpPort(), admin, "plugins.rest", "PLUGIN_MANAGER", null);
        byte[] valid = new PluginJar("org.liasse.itest.rest", "2.0.0").questionnaire("TREST", "2.0", "A").bytes();

        Http.Reply accepted = manager.upload("POST", "/plugins", "application/java-archive", valid, null);
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals("org.liasse.itest.rest", accepted.json().path("id").asText());
        assertTrue(accepted.header("Location").endsWith("/api/v1/plugins/org.liasse.itest.rest"),
            accepted.header("Location"));
        assertTrue(Files.exists(ministry.home().resolve("deploy/org.liasse.itest.rest-2.0.0.jar")),
            "named after the bundle, not the client");
        Await.until("the uploaded plugin active", 60_000, () -> manager.get("/plugins/org.liasse.itest.rest").json(),
            p -> p != null && "2.0.0".equals(p.path("activeVersion").asText()));

        byte[] notAPlugin = new PluginJar("org.liasse.itest.rest", "2.1.0").bytes();
        for (byte[] refused : new byte[][] {"pas un jar".getBytes(), new byte[0], notAPlugin}) {
            Http.Reply reply = manager.upload("POST", "/plugins", "application/octet-stream", refused, null);
            assertEquals(422, reply.status(), reply.body());
            assertEquals("plugin-invalide", reply.json().path("code").asText());
            assertEquals("application/problem+json", reply.contentType().split(";")[0]);
        }
        assertFalse(Files.exists(ministry.home().resolve("deploy/org.liasse.itest.rest-2.1.0.jar")));

        Http.Reply tooLarge = manager.upload("POST", "/plugins", "application/java-archive",
            new byte[20 * 1024 * 1024 + 1], null);
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertEquals("plugin-trop-volumineux", tooLarge.json().path("code").asText());

        Http.Reply withoutIfMatch = manager.post("/plugins/org.liasse.itest.rest/rollback", "{}");
        assertEquals(428, withoutIfMatch.status(), withoutIfMatch.body());
        boolean audited = false;
        for (JsonNode entry : admin.get("/audit?action=plugin.depose").json()) {
            audited |= entry.path("event").path("target").asText().equals("org.liasse.itest.rest")
                && entry.path("event").path("actor").asText().equals("plugins.rest");
        }
        assertTrue(audited, "the upload is audited");
    }

    @Test
    void operatorAccountsChangeOnlyAtTheRevisionReadAndTheLastSuperAdministratorStays() {
        JsonNode operators = admin.get("/operators").json();
        JsonNode demo = null;
        for (JsonNode operator : operators) {
            assertTrue(operator.path("siren").isNull(), "operators only: " + operator);
            if (operator.path("login").asText().equals("operateur.demo")) {
                demo = operator;
            }
        }
        assertTrue(demo != null, operators.toString());
        Http.Reply read = admin.get("/operators/" + demo.path("id").asLong());
        assertEquals("\"" + demo.path("revision").asLong() + "\"", read.etag());

        String demoted = "{\"federation\":null,\"roles\":[\"SUPPORT\"],\"active\":true}";
        Http.Reply noIfMatch = admin.put("/operators/" + demo.path("id").asLong(), null, demoted);
        assertEquals(428, noIfMatch.status(), noIfMatch.body());
        Http.Reply stale = admin.put("/operators/" + demo.path("id").asLong(), "\"0\"", demoted);
        assertEquals(409, stale.status(), stale.body());
        assertEquals("revision-perimee", stale.json().path("code").asText());
    }

    @Test
    void aSuperAdministratorCreatesAnOperatorChangesTheirRolesAndDeactivatesThemAfterConfirming() throws Exception {
        Http camille;
        try (Browser browser = new Browser(base)) {
            browser.signIn("operateur.demo", Distribution.DEMO_PASSWORD, "/operateur/organisations.html");
            browser.find("nav.menu a[href='/operateur/comptes.html']").click();
            browser.awaitPage("/operateur/comptes.html");
            browser.checkPage("comptes-01-liste");

            browser.fill("firstName", "Camille").fill("lastName", "Essai (FICTIF)")
                .fill("email", "camille.essai@example.org").fill("login", "camille.essai").choose("federation", "OPH");
            browser.byId("role-CAMPAIGN_MANAGER").click();
            browser.submit("creation");
            assertTrue(browser.message("creation-messages", "succes").contains("« camille.essai » créé"));
            String code = browser.byId("code-activation").getText();
            assertEquals(204, ministry.http().post("/activations/" + code,
                "{\"password\":\"" + Accounts.PASSWORD + "\"}").status());
            camille = Http.session(ministry.httpPort(), "camille.essai", Accounts.PASSWORD);
            browser.reload();
            WebElement created = row(browser, "operateurs", "Camille Essai (FICTIF)");
            assertTrue(created.getText().contains("Gestion des campagnes"), created.getText());
            assertTrue(created.getText().contains("Fédération des offices publics de l’habitat (OPH)"), created.getText());

            created.findElement(By.xpath(".//button[normalize-space()='Modifier']")).click();
            browser.until(d -> browser.byId("modification-bloc").isDisplayed());
            browser.byId("modification-role-SUPPORT").click();
            browser.byId("modification-role-CAMPAIGN_MANAGER").click();
            browser.choose("modification-federation", "");
            browser.checkPage("comptes-02-modification");
            browser.submit("modification");
            assertTrue(browser.message("liste-messages", "succes").contains("Rôles et périmètre de Camille Essai"));
            WebElement changed = row(browser, "operateurs", "Camille Essai (FICTIF)");
            assertTrue(changed.getText().contains("Assistance") && changed.getText().contains("National"),
                changed.getText());
            assertFalse(changed.getText().contains("Gestion des campagnes"), changed.getText());

            changed.findElement(By.xpath(".//button[normalize-space()='Désactiver']")).click();
            browser.until(d -> browser.byId("dialogue-confirmation").isDisplayed());
            assertTrue(browser.byId("confirmation-texte").getText().contains("ne pourra plus se connecter"));
            browser.checkPage("comptes-03-confirmation");
            browser.byId("confirmation-oui").click();
            assertTrue(browser.message("liste-messages", "succes").contains("est désactivé"));
            assertTrue(row(browser, "operateurs", "Camille Essai (FICTIF)").getText().contains("Désactivé"));
            browser.checkReflow("comptes-04-reflow");
        }
        assertEquals(401, camille.get("/me/tokens").status(), "the open session ended");
        assertEquals(403, ministry.http().post("/session", "{\"login\":\"camille.essai\",\"password\":\""
            + Accounts.PASSWORD + "\"}").status(), "a deactivated operator cannot sign in");
    }
}
