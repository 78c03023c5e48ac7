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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/**
 * The online help, in real headless Chromium on the ministry distribution in demo mode: the public « Aide » section
 * (a page per task for organisations and for operators, axe-clean, reflowing at 200 %), its illustrations captured
 * here from the real screens into the web bundle's {@code web/aide/captures/} and served by it, the guide de saisie
 * of a fiche and of a cell on the entry page and in the statement to sign, and the contact block of the support
 * service read from {@code etc/org.liasse.contact.cfg} on the help, sign-in and not-found pages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelpWebIT {

    private static final String DEMO_PASSWORD = Distribution.DEMO_PASSWORD;
    /** The committed folder of the help pages' illustrations; the next build of the web bundle serves them. */
    private static final Path CAPTURES = Path.of("..", "..", "bundles", "org.liasse.web", "src", "main", "resources",
        "web", "aide", "captures");
    /** The ministry distribution's support service (fictional, from its pom.xml). */
    private static final String SERVICE = "Assistance Liasse du ministère (FICTIF)";
    private static final String EMAIL = "assistance-ministere@example.org";
    private static final String CELL = "BILAN.IMMO_INCORP.MONTANT";

    private static Distribution ministry;
    private static String base;
    private static long dossier;

    @BeforeAll
    static void startMinistry() throws Exception {
        ministry = Distribution.demo("ministry");
        base = "http://localhost:" + ministry.httpPort();
        dossier = Dossiers.demo(Http.session(ministry.httpPort(), "saisie.demo", DEMO_PASSWORD), 2025);
    }

    @AfterAll
    static void stopMinistry() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }

    private static HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Browser signedIn(String login) throws IOException {
        Browser browser = new Browser(base);
        browser.open("/connexion.html").fill("login", login).fill("password", DEMO_PASSWORD).submit("connexion");
        browser.until(d -> !d.getCurrentUrl().contains("/connexion.html"));
        return browser.ready();
    }

    private static Path capture(String name) {
        return CAPTURES.resolve(name + ".png");
    }

    private static void assertContact(Browser browser) {
        String contact = browser.until(d -> {
            String text = browser.byId("contact").getText();
            return text.isEmpty() ? null : text;
        });
        assertTrue(contact.contains(SERVICE) && contact.contains(EMAIL) && contact.contains("01 99 00 10 10")
            && contact.contains("Du lundi au vendredi"), "the configured support service: " + contact);
        assertEquals("mailto:" + EMAIL, browser.find("#contact a[href^='mailto:']").getDomAttribute("href"));
    }

    @Test
    void theContactOfTheSupportServiceComesFromConfigurationAndIsPublic() {
        Http.Reply reply = new Http(ministry.httpPort()).get("/contact");
        assertEquals(200, reply.status());
        JsonNode contact = reply.json();
        assertEquals(SERVICE, contact.path("service").asText());
        assertEquals(EMAIL, contact.path("email").asText());
        assertEquals("01 99 00 10 10", contact.path("phone").asText());
        assertEquals("Du lundi au vendredi, de 9 h à 12 h 30 et de 14 h à 17 h", contact.path("hours").asText());
        assertEquals("https://ministere.example/etats-reglementaires", contact.path("url").asText());
    }

    @Test
    void everyHelpPageIsPublicAxeCleanIllustratedByServedCapturesAndShowsTheContact() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.open("/aide/index.html").checkPage("95-aide").checkReflow("95-aide-reflow");
            assertContact(browser);
            List<String> pages = new ArrayList<>();
            browser.all("main .liste-aide a").forEach(link -> pages.add(link.getDomAttribute("href")));
            assertEquals(13, pages.size(), "8 tasks for organisations, 5 for operators: " + pages);
            for (String page : pages) {
                browser.open(page);
                String name = page.substring("/aide/".length(), page.length() - ".html".length());
                browser.checkPage("96-aide-" + name);
                assertEquals("/aide/index.html", browser.find(".retour-aide a").getDomAttribute("href"));
                assertContact(browser);
                List<WebElement> images = browser.all("main figure.capture-aide img");
                assertFalse(images.isEmpty(), page + " shows the screen it describes");
                for (WebElement image : images) {
                    String src = image.getDomAttribute("src");
                    assertTrue(image.getDomAttribute("alt").length() > 30, "a meaningful alternative for " + src);
                    Path file = CAPTURES.resolve(src.substring("/aide/captures/".length()));
                    assertTrue(Files.isRegularFile(file), "captured into the web bundle: " + file);
                    HttpResponse<byte[]> served = fetch(src);
                    assertEquals(200, served.statusCode(), src + " is served");
                    assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""), src);
                    assertTrue((Boolean) browser.until(d -> d.executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0;", image)), src + " shows");
                }
            }
        }
        long total;
        try (Stream<Path> files = Files.list(CAPTURES)) {
            total = files.mapToLong(file -> file.toFile().length()).sum();
        }
        assertTrue(total < 1_500_000, "the captures stay small: " + total + " bytes");
    }

    @Test
    void theSignInAndNotFoundPagesShowTheContactAndLeadToTheHelp() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.open("/connexion.html");
            assertContact(browser);
            assertEquals(1, browser.all("main a[href='/aide/index.html']").size(), "a link to the help");
            browser.checkPage("97-connexion-contact");

            browser.open("/nulle-part.html");
            assertContact(browser);
            browser.checkPage("97-introuvable-contact");
        }
    }

    @Test
    void theGuideDeSaisieOfTheFicheAndOfACellIsShownNextToIt() throws Exception {
        try (Browser browser = signedIn("saisie.demo")) {
            browser.open("/dossier/saisie.html?id=" + dossier + "&fiche=BILAN");
            assertTrue(browser.byId("guide-fiche").isDisplayed());
            assertTrue(browser.byId("texte-guide-fiche").getText().startsWith("Reportez les montants nets du bilan"),
                browser.byId("texte-guide-fiche").getText());

            WebElement field = browser.byId("c-" + CELL);
            String help = "a-" + CELL;
            assertTrue(field.getDomAttribute("aria-describedby").contains(help), "the help describes the field");
            WebElement text = browser.byId(help);
            assertFalse(text.isDisplayed(), "folded at first, not to clutter the grid");
            WebElement button = browser.find("button.bouton-aide[aria-controls='" + help + "']");
            assertEquals("false", button.getDomAttribute("aria-expanded"));
            assertTrue(button.getText().startsWith("Aide"), button.getText());
            button.click();
            browser.until(d -> text.isDisplayed());
            assertEquals("true", button.getDomAttribute("aria-expanded"));
            assertTrue(text.getText().startsWith("Logiciels, droits d’usage"), text.getText());
            String description = (String) browser.until(d -> d.executeScript(
                "return arguments[0].getAttribute('aria-describedby').split(' ')"
                    + ".map(id => document.getElementById(id).textContent).join(' ');", field));
            assertTrue(description.contains("Logiciels, droits d’usage"), description);
            assertEquals(0, browser.all("button.bouton-aide[aria-controls='a-BILAN.IMMO_FIN.MONTANT']").size(),
                "no button where the plugin wrote no help");
            browser.checkPage("98-saisie-aide");
        }
    }

    @Test
    void theStatementToSignPrintsTheGuideDeSaisieOfTheFicheAndOfItsFilledCells() throws Exception {
        int port = ministry.httpPort();
        Http manager = Accounts.user(port, Http.token(port, "AD_000000018", DEMO_PASSWORD), "000000018",
            "chef.aide", "RESPONSABLE_HIERARCHIQUE");
        assertEquals(200, Dossiers.save(manager, dossier, Map.of(CELL, "1234.5")).status());

        Http.Download preview = manager.download("/dossiers/" + dossier + "/workflow/statement-preview");
        assertEquals(200, preview.status());
        try (PDDocument document = Loader.loadPDF(preview.body())) {
            String text = new PDFTextStripper().getText(document).replace('\n', ' ').replace('\u00a0', ' ');
            assertTrue(text.contains("Guide de saisie : Reportez les montants nets du bilan de l’exercice clos"), text);
            assertTrue(text.contains("Note — Immobilisations incorporelles, Montant : Logiciels, droits d’usage"),
                text);
        }
    }

    /**
     * Captures the screens the help pages show, each from the page where the task is done; first, so that the pages
     * test checks the files of this run (the server serves those of the last build of the web bundle).
     */
    @Test
    @Order(1)
    void theHelpIllustrationsAreCapturedFromTheRealScreens() throws Exception {
        try (Browser anonymous = new Browser(base)) {
            anonymous.open("/connexion.html").capture(".carte", capture("connexion"));
        }
        String id = "?id=" + dossier;
        try (Browser user = signedIn("saisie.demo")) {
            user.open("/dossier/saisie.html" + id + "&fiche=BILAN");
            user.find("button.bouton-aide[aria-controls='a-" + CELL + "']").click();
            user.capture("section.table-saisie", capture("saisie"));
            for (Map.Entry<String, String[]> shot : Map.of(
                "import", new String[] {"/dossier/import.html" + id, "#import"},
                "circuit", new String[] {"/dossier/sommaire.html" + id, "section[aria-labelledby='titre-circuit']"},
                "transmission", new String[] {"/dossier/transmission.html" + id,
                    "section[aria-labelledby='titre-destinataires']"},
                "pieces", new String[] {"/dossier/pieces.html" + id, "#depot-bloc"}).entrySet()) {
                user.open(shot.getValue()[0]).capture(shot.getValue()[1], capture(shot.getKey()));
            }
            user.open("/dossier/verification.html" + id);
            user.byId("lancer").click();
            user.capture("#resultats-bloc", capture("verification"));
        }
        try (Browser admin = signedIn("AD_000000018")) {
            admin.open("/organisation/utilisateurs.html").capture("section[aria-labelledby='titre-liste']",
                capture("utilisateurs"));
        }
        try (Browser operator = signedIn("operateur.demo")) {
            for (Map.Entry<String, String[]> shot : Map.of(
                "campagnes", new String[] {"/operateur/campagnes.html", "section[aria-labelledby='titre-liste']"},
                "suivi", new String[] {"/operateur/suivi.html", "#filtres"},
                "matrice", new String[] {"/operateur/matrice.html", "section[aria-labelledby='titre-grille']"},
                "organisations", new String[] {"/operateur/organisations.html",
                    "section[aria-labelledby='titre-liste']"},
                "rapports", new String[] {"/operateur/rapports-campagne.html", "main"}).entrySet()) {
                operator.open(shot.getValue()[0]).capture(shot.getValue()[1], capture(shot.getKey()));
            }
        }
        for (String name : List.of("connexion", "saisie", "import", "circuit", "transmission", "pieces",
            "verification", "utilisateurs", "campagnes", "suivi", "matrice", "organisations", "rapports")) {
            assertTrue(Files.size(capture(name)) > 1000, name + " captured");
        }
    }
}
