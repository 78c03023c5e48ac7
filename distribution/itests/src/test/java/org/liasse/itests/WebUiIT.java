package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The French web UI in real headless Chromium, against the ministry distribution started in demo mode. Every page
 * visited is scanned with axe-core (no serious or critical violation) and photographed into
 * {@code target/screenshots/}.
 */
class WebUiIT {

    private static final long BOOT_TIMEOUT = 180_000;
    private static final String DEMO_PASSWORD = Distribution.DEMO_PASSWORD;
    private static final String NEW_PASSWORD = "Trois-Vallees-Essai-2025!";
    /** Fictional, Luhn-valid SIRENs for the organisations the tests create. */
    private static final List<String> NEW_SIRENS = List.of("000000059", "000000067", "000000075", "000000083", "000000091");

    private static Distribution ministry;
    private static String base;

    @BeforeAll
    static void startMinistry() throws Exception {
        // Demo accounts are created in the background; probing them with sign-ins would count as failed attempts.
        ministry = Distribution.demo("ministry");
        base = "http://localhost:" + ministry.httpPort();
        Await.until("web UI", BOOT_TIMEOUT, () -> fetch("/connexion.html"), page -> page != null && page.statusCode() == 200);
    }

    @AfterAll
    static void stopMinistry() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }

    private static HttpResponse<String> fetch(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    private static Browser browser() throws IOException {
        return new Browser(base);
    }

    private static void logIn(Browser browser, String login, String password, String expectedPage) {
        browser.open("/connexion.html").fill("login", login).fill("password", password).submit("connexion");
        browser.awaitPage(expectedPage);
    }

    @Test
    void theRootShowsTheLoginPageWithSecurityHeadersAndTheApiStillAnswers() throws Exception {
        HttpResponse<String> root = fetch("/");
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/connexion.html"), root.headers().toString());

        HttpResponse<String> page = fetch("/connexion.html");
        assertEquals("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
            page.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(null));
        assertTrue(page.body().contains("<html lang=\"fr\" class=\"theme-dsfr\">"), "the ministry's theme");
        assertTrue(fetch("/app.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(fetch("/js/api.js").headers().firstValue("Content-Type").orElse("").contains("javascript"));

        assertEquals(200, fetch("/api/v1/health").statusCode());
        assertEquals(401, fetch("/api/v1/session").statusCode());

        try (Browser browser = browser()) {
            browser.open("/");
            assertEquals("/connexion.html", browser.location());
            assertEquals("Connexion – Liasse", browser.title());
            assertEquals(1, browser.all("h1").size());
            browser.checkPage("01-connexion");
        }
    }

    @Test
    void aFailedLoginIsExplainedInTheLiveRegionAndOnTheField() throws Exception {
        try (Browser browser = browser()) {
            browser.open("/connexion.html").submit("connexion");
            assertTrue(browser.message("connexion-messages", "erreur").contains("2 erreurs"));
            assertEquals("Renseignez le champ « Identifiant ».", browser.fieldError("login"));
            assertEquals("Renseignez le champ « Mot de passe ».", browser.fieldError("password"));

            browser.fill("login", "operateur.demo").fill("password", "pas-le-bon-mot-de-passe").submit("connexion");
            String message = browser.message("connexion-messages", "erreur");
            assertFrench(message);
            assertEquals(message, browser.fieldError("password"));
            assertEquals("password", browser.until(d -> d.switchTo().activeElement().getDomAttribute("id")));
            assertEquals("/connexion.html", browser.location());
            browser.checkPage("02-connexion-erreur");
        }
    }

    @Test
    void anOperatorCreatesAnOrganisationWhoseAdministratorActivatesItAndManagesUsers() throws Exception {
        String siren;
        String code;
        try (Browser operator = browser()) {
            logIn(operator, "operateur.demo", DEMO_PASSWORD, "/operateur/organisations.html");
            operator.checkPage("03-organisations").checkReflow("03-organisations-zoom-200");
            List<String> existing = operator.all("#organisations tbody td:first-child").stream().map(WebElement::getText).toList();
            assertTrue(existing.contains("000000018"), existing.toString());
            siren = NEW_SIRENS.stream().filter(s -> !existing.contains(s)).findFirst().orElseThrow();

            operator.fill("siren", siren).fill("name", "Office des Essais " + siren + " (FICTIF)").choose("type", "OPH")
                .choose("federation", "OPH").fill("region", "84").fill("department", "69").submit("creation");
            String created = operator.message("creation-messages", "succes");
            assertTrue(created.contains("AD_" + siren), created);
            code = operator.byId("code-activation").getText();
            assertFalse(code.isBlank());
            operator.until(d -> d.findElements(By.xpath("//table[@id='organisations']//td[text()='" + siren + "']")).size() == 1);
            operator.checkPage("04-organisation-creee");

            operator.byId("deconnexion").click();
            operator.awaitPage("/connexion.html");
            assertFrench(operator.message("connexion-messages", "succes"));
            operator.open("/accueil.html");
            operator.awaitPage("/connexion.html");
        }

        try (Browser administrator = browser()) {
            administrator.open("/activation.html?code=" + code);
            administrator.checkPage("05-activation");
            administrator.fill("password", "court").fill("confirmation", "court").submit("mot-de-passe");
            String weak = administrator.fieldError("password");
            assertFrench(weak);
            assertFrench(administrator.message("mot-de-passe-messages", "erreur"));
            assertTrue(administrator.location().startsWith("/activation.html"));
            administrator.checkPage("06-activation-mot-de-passe-faible");

            administrator.fill("password", NEW_PASSWORD).fill("confirmation", NEW_PASSWORD).submit("mot-de-passe");
            administrator.awaitPage("/connexion.html");
            assertFrench(administrator.message("connexion-messages", "succes"));

            logIn(administrator, "AD_" + siren, NEW_PASSWORD, "/organisation/utilisateurs.html");
            administrator.checkPage("07-utilisateurs");

            administrator.fill("firstName", "Camille").fill("lastName", "Exemple")
                .fill("email", "camille.exemple." + siren + "@example.org").fill("login", "camille.exemple." + siren)
                .choose("profile", "RESPONSABLE_SAISIE").submit("ajout");
            assertTrue(administrator.message("ajout-messages", "succes").contains("camille.exemple." + siren));
            WebElement signRight = rightOf(administrator, "Camille Exemple", "dossier.signer");
            assertFalse(signRight.isSelected(), "the profile does not sign");
            signRight.click();
            administrator.find("button[aria-label='Enregistrer les droits de Camille Exemple']").click();
            assertTrue(administrator.message("droits-messages", "succes").contains("Camille Exemple"));
            administrator.checkPage("08-droits-enregistres").checkReflow("08-droits-zoom-200");

            administrator.reload();
            assertTrue(rightOf(administrator, "Camille Exemple", "dossier.signer").isSelected(), "saved rights persist");

            administrator.find("button[aria-label='Désactiver Camille Exemple']").click();
            assertTrue(consequence(administrator).contains("ne pourra plus se connecter"));
            confirm(administrator, true);
            assertTrue(administrator.message("liste-messages", "succes").contains("désactivé"));
            administrator.until(d -> d.findElements(By.cssSelector("button[aria-label='Réactiver Camille Exemple']")).size() == 1);

            administrator.byId("deconnexion").click();
            administrator.awaitPage("/connexion.html");
        }
    }

    @Test
    void myAccountCreatesAnApiTokenShownOnlyOnceThenListedAndRevoked() throws Exception {
        try (Browser user = browser()) {
            logIn(user, "saisie.demo", DEMO_PASSWORD, "/accueil.html");
            assertTrue(user.find("h1").getText().startsWith("Bonjour"));
            assertTrue(user.all("#liens a[href='/organisation/utilisateurs.html']").isEmpty(), "no user management right");
            assertTrue(user.all("a[href='/journal.html']").isEmpty(), "no audit log without the user management right");
            user.checkPage("09-accueil");

            user.find("nav a[href='/mon-compte.html']").click();
            user.awaitPage("/mon-compte.html");
            assertEquals("saisie.demo", user.byId("identite-login").getText());

            user.fill("currentPassword", "pas-le-bon-mot-de-passe").fill("newPassword", NEW_PASSWORD)
                .fill("confirmation", NEW_PASSWORD).submit("mot-de-passe");
            assertFrench(user.fieldError("currentPassword"));

            user.fill("label", "Export comptable").submit("nouveau-jeton");
            assertTrue(user.message("nouveau-jeton-messages", "succes").contains("Export comptable"));
            String token = user.byId("jeton-cree").getDomProperty("value");
            assertTrue(token.length() >= 16, token);
            user.until(d -> d.findElements(By.xpath("//table[@id='jetons']//th[text()='Export comptable']")).size() == 1);
            user.checkPage("10-mon-compte-jeton");

            user.reload();
            assertTrue(user.all("#jeton-cree").isEmpty(), "the token is shown once");
            assertFalse(user.find("main").getText().contains(token));
            assertEquals(1, user.all("#jetons tbody th").stream().filter(th -> th.getText().equals("Export comptable")).count());

            user.find("button[aria-label='Révoquer le jeton « Export comptable »']").click();
            confirm(user, true);
            assertTrue(user.message("jetons-messages", "succes").contains("révoqué"));
            user.until(d -> d.findElements(By.xpath("//table[@id='jetons']//th[text()='Export comptable']")).isEmpty());

            user.byId("deconnexion").click();
            user.awaitPage("/connexion.html");
        }
    }

    @Test
    void thePasswordPagesExplainWhatToDo() throws Exception {
        try (Browser browser = browser()) {
            browser.open("/connexion.html");
            browser.find("a[href='/mot-de-passe-oublie.html']").click();
            browser.awaitPage("/mot-de-passe-oublie.html");
            browser.fill("identifier", "saisie.demo").submit("oubli");
            assertTrue(browser.message("oubli-messages", "succes").contains("saisie.demo"));
            browser.checkPage("11-mot-de-passe-oublie");

            browser.open("/reinitialisation.html");
            assertFrench(browser.message("mot-de-passe-messages", "erreur"));
            browser.checkPage("12-reinitialisation-sans-jeton");

            browser.open("/reinitialisation.html?jeton=jeton-inconnu");
            browser.fill("password", NEW_PASSWORD).fill("confirmation", NEW_PASSWORD + "x").submit("mot-de-passe");
            assertEquals("Les deux mots de passe saisis ne sont pas identiques.", browser.fieldError("confirmation"));
            browser.fill("confirmation", NEW_PASSWORD).submit("mot-de-passe");
            assertFrench(browser.message("mot-de-passe-messages", "erreur"));
            browser.checkPage("13-reinitialisation-jeton-invalide");
        }
    }

    @Test
    void anOperatorChecksACsvImportBeforeApplyingIt() throws Exception {
        Path csv = Files.createTempFile("organisations-", ".csv");
        Files.writeString(csv, "siren;nom;type;federation;region;departement\n"
            + "000000091;Coop des Essais (FICTIF);COOP;COOP;84;38\n"
            + "123;Organisme sans SIREN valide (FICTIF);COOP;COOP;84;38\n");
        try (Browser operator = browser()) {
            logIn(operator, "operateur.demo", DEMO_PASSWORD, "/operateur/organisations.html");
            operator.byId("fichier").sendKeys(csv.toAbsolutePath().toString());
            operator.submit("import");
            assertFrench(operator.message("import-messages", "erreur"));
            List<WebElement> cells = operator.all("#rapport-erreurs tbody tr:first-child td");
            assertEquals("3", cells.get(0).getText(), "line of the error");
            assertFalse(cells.get(2).getText().isBlank());
            assertFalse(operator.byId("appliquer").isDisplayed(), "nothing to apply while the file has errors");
            operator.checkPage("14-import-rapport");

            Files.writeString(csv, "siren;nom;type;federation;region;departement\n"
                + "000000091;Coop des Essais (FICTIF);COOP;COOP;84;38\n");
            operator.byId("fichier").sendKeys(csv.toAbsolutePath().toString());
            operator.submit("import");
            operator.message("import-messages", "succes");
            operator.byId("appliquer").click();
            operator.until(d -> d.findElements(By.xpath("//table[@id='organisations']//td[text()='000000091']")).size() == 1);
            assertTrue(operator.message("import-messages", "succes").contains("1"));
            operator.checkPage("15-import-applique");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void anOperatorEditsAnOrganisationThenFindsTheChangeInTheVerifiedAuditLog() throws Exception {
        String siren = "000000034";
        String renamed = "Coopérative des Trois Vallées renommée (FICTIF)";
        try (Browser operator = browser()) {
            logIn(operator, "operateur.demo", DEMO_PASSWORD, "/operateur/organisations.html");
            WebElement edit = operator.find("#organisations button[data-siren='" + siren + "']");
            String name = operator.find("#organisations tr:has(button[data-siren='" + siren + "']) th").getText();
            assertEquals("Modifier " + name, edit.getDomAttribute("aria-label"));
            edit.click();
            operator.until(d -> operator.byId("modification-bloc").isDisplayed());
            assertEquals("titre-modification", operator.until(d -> d.switchTo().activeElement().getDomAttribute("id")));
            assertEquals(siren, operator.byId("modification-siren").getDomProperty("value"));
            assertTrue(operator.byId("modification-siren").getDomAttribute("readonly") != null, "the SIREN is read-only");
            assertEquals(name, operator.byId("modification-name").getDomProperty("value"));
            assertEquals("COOP", operator.byId("modification-type").getDomProperty("value"));
            assertTrue(operator.byId("modification-active").isSelected());

            operator.fill("modification-name", renamed).fill("modification-department", "ZZ").submit("modification");
            assertFalse(operator.message("modification-messages", "erreur").isBlank());
            String invalid = operator.fieldError("modification-department");
            assertTrue(invalid.contains("département invalide") && invalid.contains("ZZ"), invalid);
            assertEquals("modification-department", operator.until(d -> d.switchTo().activeElement().getDomAttribute("id")));
            operator.checkPage("16-organisation-modification-erreur").checkReflow("16-organisation-modification-zoom-200");

            operator.fill("modification-department", "38").submit("modification");
            assertTrue(operator.message("liste-messages", "succes").contains(renamed));
            assertFalse(operator.byId("modification-bloc").isDisplayed());
            assertEquals(siren, operator.until(d -> d.switchTo().activeElement().getDomAttribute("data-siren")));
            operator.checkPage("17-organisation-modifiee");

            operator.reload();
            assertEquals(renamed, operator.find("#organisations tr:has(button[data-siren='" + siren + "']) th").getText());
            assertEquals("Modifier " + renamed,
                operator.find("#organisations button[data-siren='" + siren + "']").getDomAttribute("aria-label"));

            operator.find("nav a[href='/journal.html']").click();
            operator.awaitPage("/journal.html");
            assertEquals("Journal d’audit – Liasse", operator.title());
            List<WebElement> change = operator.all("#journal tbody tr").stream()
                .filter(row -> row.getText().contains(siren) && (row.getText().contains("organisation.modifiee")
                    || row.getText().contains("PUT /organisations/" + siren)))
                .toList();
            assertFalse(change.isEmpty(), "the change is in the audit log");
            assertTrue(change.get(0).findElement(By.cssSelector("th time")).getText().matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}"),
                change.get(0).getText());
            operator.checkPage("18-journal");

            operator.byId("verifier").click();
            String verdict = operator.message("verification-messages", "succes");
            assertTrue(verdict.matches("Journal intègre : \\d+ entrées vérifiées\\."), verdict);
            operator.checkPage("19-journal-verifie").checkReflow("19-journal-zoom-200");
        }
    }

    @Test
    void anOrganisationAdministratorReadsTheAuditLogOfItsOrganisationOnly() throws Exception {
        try (Browser administrator = browser()) {
            logIn(administrator, "AD_000000018", DEMO_PASSWORD, "/organisation/utilisateurs.html");
            administrator.find("nav a[href='/journal.html']").click();
            administrator.awaitPage("/journal.html");
            assertTrue(administrator.byId("perimetre").getText().contains("000000018"));
            assertFalse(administrator.byId("verification-bloc").isDisplayed(), "verification is for operators");
            assertTrue(administrator.all("#journal-messages p").isEmpty(), "no error");
            List<String> sirens = administrator.all("#journal tbody tr td:nth-of-type(5)").stream().map(WebElement::getText).toList();
            assertFalse(sirens.isEmpty(), "the organisation has entries");
            assertTrue(sirens.stream().allMatch("000000018"::equals), sirens.toString());
            administrator.checkPage("20-journal-organisation");

            administrator.open("/accueil.html");
            assertEquals(1, administrator.all("#liens a[href='/journal.html']").size());
        }
    }

    /** The checkbox of a right in the row of a user of the rights grid. */
    private static WebElement rightOf(Browser browser, String name, String right) {
        return browser.until(d -> {
            List<WebElement> rows = d.findElements(By.xpath("//table[@id='droits']//tr[th[text()='" + name + "']]"));
            return rows.isEmpty() ? null : rows.get(0).findElement(By.cssSelector("input[value='" + right + "']"));
        });
    }

    private static void assertFrench(String message) {
        assertFalse(message.isBlank());
        assertTrue(message.matches("(?si).*\\b(le|la|les|de|du|des|est|ou|un|une|pas|votre|vous)\\b.*")
            && !message.contains("Exception"), "a French message: " + message);
    }

    @Test
    void aCampaignManagerCreatesACampaignWithItsDeadlinesThenOpensIt() throws Exception {
        try (Browser operator = browser()) {
            logIn(operator, "operateur.demo", DEMO_PASSWORD, "/operateur/organisations.html");
            operator.find("nav a[href='/operateur/campagnes.html']").click();
            operator.awaitPage("/operateur/campagnes.html").checkPage("30-campagnes");

            operator.fill("year", "2026").fill("label", "Campagne 2026").fill("opening", "2027-04-01")
                .fill("deadline", "2026-01-01").fill("questionnaires", "ER;;2027-06-30").submit("campagne");
            assertTrue(operator.message("campagne-messages", "erreur").contains("date limite"));

            operator.fill("deadline", "2027-07-31").submit("campagne");
            assertTrue(operator.message("campagne-messages", "succes").contains("2026"));
            WebElement row = operator.until(d -> operator.find("#campagnes tbody tr"));
            assertTrue(row.getText().contains("ER (version la plus récente) – échéance 2027-06-30"), row.getText());
            assertTrue(row.getText().contains("En préparation") || row.getText().contains("en préparation"), row.getText());

            operator.find("#campagnes button[aria-label='Ouvrir la campagne 2026']").click();
            confirm(operator, true);
            assertTrue(operator.message("liste-messages", "succes").contains("campagne ouverte"));
            operator.until(d -> operator.find("#campagnes tbody tr").getText().contains("Clore"));
            operator.checkPage("31-campagnes-ouverte");

            String close = "#campagnes button[aria-label='Clore la campagne 2026']";
            operator.find(close).click();
            String consequence = consequence(operator);
            assertTrue(consequence.matches("La saisie s’arrête : \\d+ organisations? ne pourront plus saisir.*"),
                consequence);
            assertEquals("confirmation-non", operator.until(d -> d.switchTo().activeElement().getDomAttribute("id")),
                "the safe choice has the focus");
            operator.checkPage("32-campagnes-confirmer-cloture");
            confirm(operator, false);
            assertEquals("Clore la campagne 2026", operator.until(d -> d.switchTo().activeElement())
                .getDomAttribute("aria-label"), "the focus is back on the trigger");
            operator.until(d -> d.switchTo().activeElement()).sendKeys(Keys.ENTER);
            operator.until(d -> operator.byId("dialogue-confirmation").isDisplayed());
            operator.until(d -> d.switchTo().activeElement()).sendKeys(Keys.ESCAPE);
            operator.until(d -> !operator.byId("dialogue-confirmation").isDisplayed());
            assertTrue(operator.find("#campagnes tbody tr").getText().contains("Clore"), "cancelled: still open");
            assertEquals("OPEN", Http.token(ministry.httpPort(), "operateur.demo", DEMO_PASSWORD)
                .get("/campaigns/2026").json().path("state").asText());

            operator.find(close).click();
            confirm(operator, true);
            assertTrue(operator.message("liste-messages", "succes").contains("campagne close"));
        }
    }

    /** The consequence the confirmation dialog names, once it is open. */
    private static String consequence(Browser browser) {
        browser.until(d -> browser.byId("dialogue-confirmation").isDisplayed());
        return browser.byId("confirmation-texte").getText();
    }

    /** Answers the confirmation dialog: confirms or cancels, and waits until it is closed. */
    private static void confirm(Browser browser, boolean yes) {
        browser.until(d -> browser.byId("dialogue-confirmation").isDisplayed());
        browser.byId(yes ? "confirmation-oui" : "confirmation-non").click();
        browser.until(d -> !browser.byId("dialogue-confirmation").isDisplayed());
    }
}
