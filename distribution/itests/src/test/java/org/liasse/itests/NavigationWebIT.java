package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No dead ends in the web UI, in real headless Chromium against the ministry distribution in demo mode: an unknown
 * address gets the French 404 page in the site's layout (axe-clean), a deep link opened while signed out leads,
 * after sign-in, to the page asked for, never to another site; the home page offers only the questionnaires the
 * organisation files, an action the user cannot take is shown disabled with its reason, and an empty list says why.
 */
class NavigationWebIT {

    private static final String DEMO_PASSWORD = Distribution.DEMO_PASSWORD;

    private static Distribution ministry;
    private static String base;
    private static long dossier;
    private static long pastDossier;

    @BeforeAll
    static void startMinistry() throws Exception {
        ministry = Distribution.demo("ministry");
        base = "http://localhost:" + ministry.httpPort();
        Http user = Http.session(ministry.httpPort(), "saisie.demo", DEMO_PASSWORD);
        dossier = Dossiers.demo(user, 2025);
        pastDossier = Dossiers.demo(user, 2024);
    }

    @AfterAll
    static void stopMinistry() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }

    private static HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNotFoundPage(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = fetch(path);
        assertEquals(404, page.statusCode(), path);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        assertTrue(page.body().contains("<title>Page introuvable – Liasse</title>"), page.body());
    }

    @Test
    void anUnknownAddressGetsTheFrenchNotFoundPageInTheLayoutWhileTheApiKeepsItsProblem() throws Exception {
        assertNotFoundPage("/dossier/inconnue.html?id=12");
        assertNotFoundPage("/js/inconnu.js");
        Http.Reply api = ministry.http().get("/inconnue");
        assertEquals(404, api.status());
        assertTrue(api.contentType().startsWith("application/problem+json"), api.contentType());

        try (Browser browser = new Browser(base)) {
            browser.open("/nulle-part.html");
            assertEquals("Page introuvable – Liasse", browser.title());
            assertEquals("/nulle-part.html", browser.byId("adresse").getText());
            assertEquals("/connexion.html", browser.byId("lien-accueil").getDomAttribute("href"));
            assertEquals(1, browser.all("header .marque a").size(), "the site's header");
            assertEquals(1, browser.all("footer.pied").size(), "the site's footer");
            browser.checkPage("90-introuvable");

            browser.signIn("saisie.demo", DEMO_PASSWORD, "/accueil.html");
            browser.open("/operateur/inconnue.html");
            assertEquals("/accueil.html", browser.byId("lien-accueil").getDomAttribute("href"));
            assertFalse(browser.all("header nav.menu a[href='/dossiers.html']").isEmpty(), "the menu of the session");
            browser.checkPage("91-introuvable-connecte");
        }
    }

    @Test
    void aDeepLinkOpenedWhileSignedOutLeadsThereAfterSignIn() throws Exception {
        String link = "/dossier/sommaire.html?id=" + dossier;
        try (Browser browser = new Browser(base)) {
            browser.go(link).awaitPage("/connexion.html");
            assertEquals("/connexion.html?suite=" + URLEncoder.encode(link, StandardCharsets.UTF_8), browser.location());

            browser.fill("login", "saisie.demo").fill("password", DEMO_PASSWORD).submit("connexion");
            browser.awaitPage("/dossier/sommaire.html");
            assertEquals(link, browser.location());
            assertTrue(browser.byId("titre-dossier").getText().contains("2025"));
        }
    }

    @Test
    void theHomePageOffersOnlyTheQuestionnairesTheOrganisationFiles() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.signIn("saisie.demo", DEMO_PASSWORD, "/accueil.html");
            List<String> offers = browser.all("#notifications li").stream().map(item -> item.getText()).toList();
            assertFalse(offers.isEmpty(), "the OPH's ER 2025 dossier is due");
            assertTrue(offers.stream().noneMatch(text -> text.contains("ER_SEM") || text.contains("MOI")),
                "the campaign also collects ER_SEM (SEM) and MOI (MOI), which an OPH does not file: " + offers);
            browser.checkPage("92-accueil-questionnaires-deposes");
        }
    }

    @Test
    void anActionTheUserCannotTakeIsShownDisabledWithItsReason() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.signIn("saisie.demo", DEMO_PASSWORD, "/accueil.html");
            browser.open("/dossier/sommaire.html?id=" + pastDossier);
            var advance = browser.find("#circuit-indisponible button");
            assertEquals("Passer à l’étape « Signé »", advance.getText());
            assertEquals("true", advance.getDomAttribute("aria-disabled"));
            assertEquals("circuit-raison", advance.getDomAttribute("aria-describedby"));
            assertEquals("La campagne n’est pas ouverte : le dossier ne peut plus changer d’étape.",
                browser.byId("circuit-raison").getText());
            browser.checkPage("93-sommaire-action-indisponible");

            browser.open("/dossier/verification.html?id=" + pastDossier);
            var launch = browser.byId("lancer");
            assertEquals("true", launch.getDomAttribute("aria-disabled"));
            assertEquals("lancer-raison", launch.getDomAttribute("aria-describedby"));
            assertEquals("La campagne n’est pas ouverte : le dossier ne peut plus être vérifié.",
                browser.byId("lancer-raison").getText());
            assertFalse(browser.byId("resume-verification").getText().contains("relancez"),
                "no advice the user cannot follow");
            browser.checkPage("94-verification-indisponible");
        }
    }

    @Test
    void aPageWithNothingToShowSaysWhyAndWhatToDo() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.signIn("saisie.demo", DEMO_PASSWORD, "/accueil.html");
            browser.open("/dossier/pieces.html?id=" + dossier);
            browser.until(d -> browser.byId("pieces").getText().contains("Aucun fichier n’est déposé dans ce dossier : "
                + "les fichiers que demande la campagne se déposent ici"));
            browser.checkPage("95-pieces-vide");

            browser.open("/dossier/transmission.html?id=" + dossier);
            browser.until(d -> browser.byId("livraisons").getText().contains("Le dossier n’a pas encore été transmis : "
                + "les livraisons et les accusés de réception apparaîtront ici après l’étape de transmission."));
            browser.checkPage("96-transmission-vide");
        }
    }

    @Test
    void aSignInNeverLeadsToAnotherSite() throws Exception {
        try (Browser browser = new Browser(base)) {
            for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")) {
                browser.open("/connexion.html?suite=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                    .fill("login", "saisie.demo").fill("password", DEMO_PASSWORD).submit("connexion");
                browser.awaitPage("/accueil.html");
                assertEquals("/accueil.html", browser.location(), next);
                browser.byId("deconnexion").click();
                browser.awaitPage("/connexion.html");
            }
        }
    }
}
