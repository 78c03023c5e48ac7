package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One full path of a dossier in headless Chromium on the real ministry assembly: initialise → enter → verify →
 * move through the steps → sent back by the partner → corrected → certified and signed with the password typed again
 * → a recipient removed after a confirmation → transmission confirmed, with the notifications of the home page, the
 * protection of a validated dossier and the history of its steps.
 */
class WorkflowWebIT {

    private static final String SIREN = "000000091";

    private static Distribution ministry;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        ministry = Distribution.demo("ministry");
        base = "http://localhost:" + ministry.httpPort();
        int port = ministry.httpPort();
        Http operator = Http.token(port, "operateur.demo", Distribution.DEMO_PASSWORD);
        Http administrator = Accounts.organisation(port, operator, SIREN, "OPH", null);
        Accounts.user(port, administrator, SIREN, "chef.parcours", "RESPONSABLE_HIERARCHIQUE");
    }

    @AfterAll
    static void stop() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }

    private static Browser signedIn(String login, String password) throws IOException {
        Browser browser = new Browser(base);
        browser.open("/connexion.html").fill("login", login).fill("password", password).submit("connexion");
        browser.until(d -> !browser.location().startsWith("/connexion.html"));
        browser.ready();
        return browser;
    }

    /** Types amounts into cells of the entry page and saves them. */
    private static void enter(Browser browser, String fiche, String... cellsAndValues) {
        browser.find("#fiches a[href*='fiche=" + fiche + "']").click();
        browser.awaitPage("/dossier/saisie.html");
        for (int i = 0; i < cellsAndValues.length; i += 2) {
            WebElement cell = browser.byId("c-" + cellsAndValues[i]);
            cell.clear();
            cell.sendKeys(cellsAndValues[i + 1]);
        }
        browser.byId("enregistrer").click();
        browser.until(d -> browser.byId("etat-saisie").getText().startsWith("Enregistré"));
        browser.byId("retour").click();
        browser.awaitPage("/dossier/sommaire.html");
    }

    /** Clicks a workflow action of the summary and waits for its success message. */
    private static void act(Browser browser, String action, String expectedStep) {
        browser.find("#actions-circuit button[data-action='" + action + "']").click();
        browser.until(d -> browser.byId("circuit-messages").getDomAttribute("class").contains("message-succes"));
        assertTrue(browser.byId("etape-courante").getText().contains("« " + expectedStep + " »"),
            browser.byId("etape-courante").getText());
        assertEquals(expectedStep, browser.find("#etapes li[aria-current='step']").getText()
            .replace("(étape en cours)", "").strip());
    }

    @Test
    void initialiseEnterVerifyAdvanceSentBackCorrectedCertifiedSignedAndTransmitted() throws Exception {
        long dossier;
        try (Browser manager = signedIn("chef.parcours", Accounts.PASSWORD)) {
            assertEquals("/accueil.html", manager.location());
            assertTrue(manager.byId("notifications").getText().contains("ER 2025 : dossier à initialiser"));
            manager.checkPage("40-accueil-a-faire");
            manager.open("/dossiers.html");
            manager.find("#initialisations button").click();
            manager.awaitPage("/dossier/sommaire.html");
            dossier = Long.parseLong(manager.location().replaceAll(".*id=(\\d+).*", "$1"));
            assertTrue(manager.byId("etape-courante").getText().contains("« Saisie en cours »"));

            enter(manager, "BILAN", "BILAN.IMMO.MONTANT", "1000", "BILAN.CAPITAUX.MONTANT", "1000");

            manager.find("#outils a[href*='/dossier/verification.html']").click();
            manager.awaitPage("/dossier/verification.html");
            manager.byId("lancer").click();
            assertTrue(manager.message("verification-messages", "succes").contains("terminée"));
            for (WebElement justification : manager.all("textarea[id^='justification-']")) {
                justification.sendKeys("Première année sur la plateforme (FICTIF).");
                justification.submit();
                String code = justification.getDomAttribute("id").substring("justification-".length());
                assertTrue(manager.message("justification-messages-" + code, "succes").contains("enregistrée"));
            }
            manager.open("/dossier/sommaire.html?id=" + dossier);
            act(manager, "advance", "Vérifié");
            act(manager, "advance", "Validé en interne");
            act(manager, "advance", "Fiabilisé (visible du ministère)");
            assertTrue(manager.message("sommaire-messages", "info").contains("protégé"));
            manager.find("#fiches a[href*='fiche=BILAN']").click();
            manager.awaitPage("/dossier/saisie.html");
            assertTrue(manager.byId("c-BILAN.IMMO.MONTANT").getDomAttribute("readonly") != null, "protected");
        }

        try (Browser operator = signedIn("operateur.demo", Distribution.DEMO_PASSWORD)) {
            operator.open("/dossier/sommaire.html?id=" + dossier);
            operator.fill("motif", "Les immobilisations semblent incomplètes : vérifiez le bilan.");
            act(operator, "send-back", "Saisie en cours");
            operator.checkPage("41-sommaire-renvoye");
        }

        try (Browser manager = signedIn("chef.parcours", Accounts.PASSWORD)) {
            String notices = manager.byId("notifications").getText();
            assertTrue(notices.contains("Renvoyé") && notices.contains("vérifiez le bilan"), notices);
            manager.find("#notifications a[href*='/dossier/sommaire.html?id=" + dossier + "']").click();
            manager.awaitPage("/dossier/sommaire.html");
            manager.find("#form-circuit ~ details summary").click();
            List<String> history = manager.all("#historique-circuit tbody tr").stream().map(WebElement::getText).toList();
            assertEquals(4, history.size(), history.toString());
            assertTrue(history.get(3).contains("Renvoyé par le partenaire") && history.get(3).contains("operateur.demo")
                && history.get(3).contains("vérifiez le bilan"), history.get(3));

            enter(manager, "BILAN", "BILAN.IMMO.MONTANT", "1500", "BILAN.CAPITAUX.MONTANT", "1500");
            act(manager, "advance", "Vérifié");
            act(manager, "advance", "Validé en interne");
            act(manager, "advance", "Fiabilisé (visible du ministère)");
            WebElement next = manager.find("#actions-circuit button[data-action='advance']");
            assertEquals("Passer à l’étape « Signé »", next.getText(), "ready to sign");
            assertTrue(manager.find("#actions-circuit").findElements(By.cssSelector("[data-action='reopen']")).size() == 1,
                "« Modifier le dossier » is offered");
            manager.checkPage("42-sommaire-pret-a-signer");

            next.click();
            manager.until(d -> manager.byId("form-engagement").isDisplayed());
            assertEquals("FIABILISE", Http.session(ministry.httpPort(), "chef.parcours", Accounts.PASSWORD)
                .get("/dossiers/" + dossier + "/workflow").json().path("step").asText(), "one click signs nothing");
            assertTrue(manager.byId("apercu-etat").getDomAttribute("href")
                .endsWith("/dossiers/" + dossier + "/workflow/statement-preview"));
            assertTrue(manager.byId("engagement-remplissage").getText().startsWith("Fiches complètes :"),
                manager.byId("engagement-remplissage").getText());
            assertTrue(manager.all("#engagement-fiches li").size() > 1, "the completeness of each fiche");
            assertTrue(!manager.byId("engagement-alertes").getText().isBlank());
            manager.checkPage("43-sommaire-certifier-et-signer");
            manager.byId("engager").click();
            assertTrue(manager.message("engagement-messages", "erreur").contains("Je certifie"), "not certified");
            assertEquals("certifie", manager.until(d -> d.switchTo().activeElement().getDomAttribute("id")));
            manager.byId("certifie").click();
            manager.fill("mot-de-passe-signature", "pas le bon mot de passe");
            manager.byId("engager").click();
            manager.until(d -> manager.byId("engagement-messages").getText().contains("Mot de passe incorrect"));
            assertEquals("", manager.byId("mot-de-passe-signature").getDomProperty("value"), "the password is not kept");
            manager.fill("mot-de-passe-signature", Accounts.PASSWORD);
            manager.byId("engager").click();
            assertTrue(manager.message("circuit-messages", "succes").contains("signé"));
            assertTrue(manager.byId("etape-courante").getText().contains("« Signé »"));

            manager.open("/dossier/transmission.html?id=" + dossier);
            WebElement deposits = manager.until(d -> d.findElement(By.xpath(
                "//ul[@id='destinataires']/li[label[text()='Caisse des dépôts (démonstration)']]/input")));
            deposits.click();
            assertTrue(manager.message("destinataires-messages", "succes").contains("recevra la déclaration"));
            manager.until(d -> d.findElement(By.xpath(
                "//ul[@id='destinataires']/li[label[text()='Caisse des dépôts (démonstration)']]/input"))).click();
            manager.until(d -> manager.byId("dialogue-confirmation").isDisplayed());
            assertTrue(manager.byId("confirmation-texte").getText().contains("ne recevra pas la déclaration"));
            manager.byId("confirmation-non").click();
            WebElement kept = manager.until(d -> d.switchTo().activeElement());
            assertTrue(kept.isSelected(), "cancelled: still a recipient");
            kept.click();
            manager.until(d -> manager.byId("dialogue-confirmation").isDisplayed());
            manager.byId("confirmation-oui").click();
            assertTrue(manager.message("destinataires-messages", "succes").contains("ne recevra pas"));
            manager.open("/dossier/sommaire.html?id=" + dossier);

            manager.find("#actions-circuit button[data-action='advance']").click();
            manager.until(d -> manager.byId("engagement-transmission").isDisplayed());
            assertTrue(!manager.byId("engagement-destinataires").getText().contains("Caisse des dépôts"),
                "the recipient removed is not shown");
            assertTrue(!manager.byId("engagement-signature").isDisplayed(), "signed once, not again");
            assertEquals("Transmettre", manager.byId("engager").getText());
            assertTrue(manager.all("#engagement-destinataires li").size() > 0, "the recipients are shown");
            manager.checkPage("44-sommaire-confirmer-transmission");
            manager.byId("engager").click();
            assertTrue(manager.message("engagement-messages", "erreur").contains("Confirmez"), "not confirmed");
            manager.byId("confirme").click();
            manager.byId("engager").click();
            assertTrue(manager.message("circuit-messages", "succes").contains("transmis"));
            assertTrue(manager.byId("etape-courante").getText().contains("« Transmis »"));
        }
    }
}
