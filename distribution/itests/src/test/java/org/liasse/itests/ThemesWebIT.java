package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The two themes of the web UI, in real headless Chromium: the ministry's server in the State's design system
 * (DSFR, served by the server itself), a federation's (EPL) in the neutral theme with its name. Every public and
 * signed-in page passes axe in both; the widest pages need no horizontal scrolling at 320 px and at 1,366 px, and
 * on a phone the menu folds behind a button.
 */
class ThemesWebIT {

    private static final String PASSWORD = Distribution.DEMO_PASSWORD;
    /** The partner's name the federation's distribution is configured with. */
    private static final String EPL = "Fédération des entreprises publiques locales";
    /** The pages open to all, signed in or not. */
    private static final List<String> PUBLIC = List.of("/connexion.html", "/mot-de-passe-oublie.html",
        "/reinitialisation.html", "/accessibilite.html", "/mentions-legales.html", "/donnees-personnelles.html",
        "/plan-du-site.html", "/nulle-part.html");
    /** The pages of a national operator. */
    private static final List<String> OPERATOR = List.of("/operateur/organisations.html", "/operateur/campagnes.html",
        "/operateur/suivi.html", "/operateur/rapports-campagne.html", "/operateur/impacts.html",
        "/operateur/destinataires.html", "/operateur/matrice.html", "/operateur/livraisons.html", "/journal.html",
        "/echanges.html", "/verification-signature.html", "/mon-compte.html", "/plan-du-site.html");
    /** The pages of an organisation's administrator, then those of one of its dossiers (followed by its id). */
    private static final List<String> ORGANISATION = List.of("/accueil.html", "/organisation/utilisateurs.html",
        "/journal.html", "/dossiers.html");
    private static final List<String> DOSSIER = List.of("sommaire", "saisie", "verification", "pieces", "transmission",
        "rapports", "evolutions", "import", "rapatriement");

    private static Distribution ministry;
    private static Distribution federation;

    @BeforeAll
    static void startBoth() throws Exception {
        ministry = Distribution.demo("ministry");
        federation = Distribution.partnerDemo("epl", distribution -> { });
    }

    @AfterAll
    static void stopBoth() throws Exception {
        try {
            if (ministry != null) {
                ministry.close();
            }
        } finally {
            if (federation != null) {
                federation.close();
            }
        }
    }

    @Test
    void theMinistrysServerServesTheStatesDesignSystemItselfOnEveryPage() throws Exception {
        HttpResponse<String> css = fetch(ministry, "/dsfr/dsfr.min.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), css.headers().toString());
        assertTrue(css.body().contains(".fr-header"), "the DSFR's style sheet");
        assertEquals(200, fetch(ministry, "/dsfr/fonts/Marianne-Regular.woff2").statusCode(), "its font");

        visitEveryPage(ministry, "000000018", "theme-dsfr", browser -> {
            assertEquals("République<br>française", browser.find("header .fr-logo").getDomProperty("innerHTML"), "the bloc-marque");
            assertEquals(1, browser.all("footer .fr-logo").size(), "the footer's bloc-marque");
            assertEquals(1, browser.all("link[href='/dsfr/dsfr.min.css']").size());
        });
    }

    @Test
    void aFederationsServerKeepsTheNeutralThemeWithItsNameAndNoStateMark() throws Exception {
        assertFalse(html(federation, "/connexion.html").contains("dsfr"), "no DSFR in the federation's pages");
        visitEveryPage(federation, "000000117", "theme-neutre", browser -> {
            assertTrue(browser.all(".fr-logo, .fr-header, link[href^='/dsfr/']").isEmpty(), "no DSFR, no Marianne");
            assertFalse(browser.find("body").getText().contains("République française"));
            assertEquals(EPL, browser.find("header .partenaire").getText());
        });

        // A change of the settings is seen at once: the pages are assembled again.
        String file = "etc/org.liasse.web.cfg";
        String configured = federation.property(file, "partner.name");
        federation.setProperty(file, "partner.name", "F\\u00e9d\\u00e9ration renomm\\u00e9e");
        Await.until("pages with the new name", 30_000, () -> html(federation, "/plan-du-site.html"),
            page -> page.contains("<span>Fédération renommée</span>"));
        federation.setProperty(file, "partner.name", configured);
        Await.until("pages with the configured name", 30_000, () -> html(federation, "/plan-du-site.html"),
            page -> page.contains("<span>" + EPL + "</span>"));
    }

    @Test
    void theWidestPagesFitAPhoneAndALaptopAndThePhoneMenuFolds() throws Exception {
        for (Distribution server : List.of(ministry, federation)) {
            String name = server.partner();
            try (Browser operator = new Browser(base(server))) {
                operator.signIn("operateur.demo", PASSWORD, "/operateur/organisations.html");
                for (String page : List.of("/operateur/matrice.html", "/operateur/suivi.html", "/journal.html")) {
                    operator.open(page);
                    widths(operator, name + page);
                }
                operator.atWidth(320, () -> {
                    WebElement button = operator.byId("bouton-menu");
                    WebElement links = operator.byId("menu-liens");
                    assertTrue(button.isDisplayed() && !links.isDisplayed(), "the menu folds on a phone");
                    assertEquals("false", button.getDomAttribute("aria-expanded"));
                    button.click();
                    assertEquals("true", button.getDomAttribute("aria-expanded"));
                    assertTrue(links.isDisplayed(), "the button unfolds the menu");
                    operator.checkPage(name + "-menu-deplie-320");
                });
                assertFalse(operator.byId("bouton-menu").isDisplayed(), "no menu button on a wide screen");
            }
            String siren = server == ministry ? "000000018" : "000000117";
            try (Browser administrator = new Browser(base(server))) {
                administrator.signIn("AD_" + siren, PASSWORD, "/organisation/utilisateurs.html");
                widths(administrator, name + "/organisation/utilisateurs.html");
                administrator.open("/dossier/saisie.html?id=" + firstDossier(server, siren));
                widths(administrator, name + "/dossier/saisie.html");
            }
        }
    }

    /** A check of the theme on the current page. */
    @FunctionalInterface
    private interface ThemeCheck {
        void check(Browser browser);
    }

    private static void widths(Browser browser, String name) {
        String file = name.replace('/', '-').replace(".html", "");
        browser.checkWidth(file + "-320", 320).checkWidth(file + "-1366", 1366);
    }

    private static HttpResponse<String> fetch(Distribution server, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base(server) + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static String html(Distribution server, String path) {
        try {
            return fetch(server, path).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String base(Distribution server) {
        return "http://localhost:" + server.httpPort();
    }

    private static long firstDossier(Distribution server, String siren) {
        JsonNode dossiers = Http.token(server.httpPort(), "AD_" + siren, PASSWORD).get("/organisations/" + siren + "/dossiers").json();
        assertTrue(dossiers.size() > 0, siren + " has a dossier");
        return dossiers.get(0).path("id").asLong();
    }

    /**
     * Opens every page as the public, a national operator and an organisation's administrator; each passes axe,
     * loads nothing from another site, carries the theme and passes the theme's own check.
     */
    private static void visitEveryPage(Distribution server, String siren, String theme, ThemeCheck check) throws Exception {
        String prefix = server.partner() + "-theme";
        try (Browser visitor = new Browser(base(server))) {
            for (String page : PUBLIC) {
                checkPage(visitor.open(page), prefix, theme, check);
            }
        }
        try (Browser operator = new Browser(base(server))) {
            operator.signIn("operateur.demo", PASSWORD, "/operateur/organisations.html");
            for (String page : OPERATOR) {
                checkPage(operator.open(page), prefix, theme, check);
            }
        }
        long dossier = firstDossier(server, siren);
        List<String> pages = new ArrayList<>(ORGANISATION);
        DOSSIER.forEach(page -> pages.add("/dossier/" + page + ".html?id=" + dossier));
        try (Browser administrator = new Browser(base(server))) {
            administrator.signIn("AD_" + siren, PASSWORD, "/organisation/utilisateurs.html");
            for (String page : pages) {
                checkPage(administrator.open(page), prefix, theme, check);
            }
        }
    }

    private static void checkPage(Browser browser, String prefix, String theme, ThemeCheck check) {
        String page = browser.location();
        assertEquals(theme, browser.find("html").getDomAttribute("class"), page);
        for (WebElement resource : browser.all("script[src], link[href], img[src]")) {
            String address = resource.getDomAttribute(resource.getTagName().equals("link") ? "href" : "src");
            assertTrue(address.startsWith("/") && !address.startsWith("//"), page + " loads " + address);
        }
        assertEquals(5, browser.all("footer a[href='/accessibilite.html'], footer a[href='/mentions-legales.html'], "
            + "footer a[href='/donnees-personnelles.html'], footer a[href='/plan-du-site.html'], footer a[href='/aide/index.html']")
            .size(), "the footer's mandatory links on " + page);
        check.check(browser);
        browser.checkPage(prefix + page.split("\\?")[0].replace('/', '-').replace(".html", ""));
    }
}
