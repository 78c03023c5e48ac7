package org.liasse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The assembly of the pages from the layout, their page files and the fragments. */
class PageAssemblerTest {

    private static final Map<String, String> SITE = Map.of("partenaire", "Fédération des entreprises publiques locales",
        "logo", "<img class=\"logo\" src=\"/images/logo-partenaire.svg\" alt=\"\">", "editeur", "Ministère chargé du logement",
        "editeur-courriel", "contact@liasse.example", "hebergeur", "Ministère chargé du logement");
    private static final PageAssembler NEUTRE = new PageAssembler(PageAssemblerTest::resource, "neutre", SITE);
    private static final PageAssembler DSFR = new PageAssembler(PageAssemblerTest::resource, "dsfr", SITE);
    /** The pages that say what the site is (footer links), public, sharing one script. */
    private static final List<String> INFORMATION = List.of("accessibilite.html", "mentions-legales.html",
        "donnees-personnelles.html", "plan-du-site.html");

    private static String resource(String path) {
        try (InputStream in = PageAssemblerTest.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> pageFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(PageAssemblerTest.class.getClassLoader().getResource(PageAssembler.PAGES).toURI());
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/'))
                .sorted().toList();
        }
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    /** Each page has the script named after it, but the help pages, which share {@code aide.js}. */
    @Test
    void everyPageIsACompleteFrenchDocumentWithItsTitleItsScriptAndOneMain() throws Exception {
        List<String> pages = pageFiles();
        assertTrue(pages.containsAll(List.of("connexion.html", "operateur/organisations.html")), pages.toString());
        for (String page : pages) {
            for (PageAssembler theme : List.of(NEUTRE, DSFR)) {
                String html = theme.assemble(page);
                String name = INFORMATION.contains(page) ? "information" : page.startsWith("aide/") ? "aide"
                    : page.substring(page.lastIndexOf('/') + 1).replace(".html", "");

                assertTrue(html.matches("(?s)<!DOCTYPE html>\n<html lang=\"fr\" class=\"theme-(dsfr|neutre)\">\n.*"), page);
                assertTrue(html.matches("(?s).*\n  <title>[^<{]+ – Liasse</title>\n.*"), page);
                assertTrue(html.contains("<script type=\"module\" src=\"/js/" + name + ".js\"></script>"), page);
                assertTrue(html.contains("<a class=\"lien-evitement\" href=\"#contenu\">Aller au contenu</a>"), page);
                assertEquals(1, count(html, "<main id=\"contenu\" tabindex=\"-1\">"), page);
                assertEquals(1, count(html, "<h1"), page);
                assertFalse(html.contains("{{") || html.contains("<!--"), page);
                assertTrue(html.endsWith("</html>\n"), page);
                for (String link : List.of("/accessibilite.html", "/mentions-legales.html", "/donnees-personnelles.html",
                    "/plan-du-site.html", "/aide/index.html")) {
                    assertTrue(html.contains("href=\"" + link + "\""), page + " links " + link);
                }
                assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), page + " loads nothing from another site");
            }
        }
    }

    @Test
    void theMinistrysThemeIsTheStatesDesignSystemAndTheFederationsKeepANeutralOneWithTheirName() {
        String state = DSFR.assemble("connexion.html");
        String federation = NEUTRE.assemble("connexion.html");

        assertTrue(state.startsWith("<!DOCTYPE html>\n<html lang=\"fr\" class=\"theme-dsfr\">\n"));
        assertTrue(state.contains("<link rel=\"stylesheet\" href=\"/dsfr/dsfr.min.css\">\n  <link rel=\"stylesheet\" href=\"/app.css\">"));
        assertEquals(2, count(state, "<p class=\"fr-logo\">République<br>française</p>"), "header and footer bloc-marque");
        assertTrue(state.contains("<span class=\"fr-header__service-title\">Liasse</span>"));
        assertTrue(state.contains("<footer class=\"fr-footer pied\">"));

        assertTrue(federation.startsWith("<!DOCTYPE html>\n<html lang=\"fr\" class=\"theme-neutre\">\n"));
        assertFalse(federation.contains("dsfr") || federation.contains("fr-logo") || federation.contains("République"));
        assertTrue(federation.contains("<p class=\"partenaire\"><img class=\"logo\" src=\"/images/logo-partenaire.svg\" alt=\"\">"
            + "<span>Fédération des entreprises publiques locales</span></p>"));
    }

    @Test
    void theMandatoryPagesNameThePublisherFromTheSettings() {
        assertTrue(DSFR.assemble("mentions-legales.html").contains("édité par Ministère chargé du logement, que vous pouvez joindre à l’adresse contact@liasse.example"));
        String statement = NEUTRE.assemble("accessibilite.html");
        assertTrue(statement.contains("<strong>Liasse est non conforme</strong>"));
        assertTrue(statement.contains("href=\"/accessibilite.html\">Accessibilité : non conforme</a>"), "the footer says the same status");
    }

    @Test
    void theLoginPageKeepsItsMarkupIndentedInTheLayout() {
        String html = NEUTRE.assemble("connexion.html");

        assertTrue(html.contains("  <title>Connexion – Liasse</title>\n"));
        assertTrue(html.contains("<p class=\"marque\"><a href=\"/connexion.html\">Liasse"));
        assertTrue(html.contains("  <main id=\"contenu\" tabindex=\"-1\">\n    <h1>Connexion</h1>\n    <div class=\"carte\">\n"));
        assertTrue(html.contains("\n      </form>\n    </div>\n    <p><a href=\"/aide/index.html\">"));
        assertTrue(html.contains("\n    <section class=\"bloc contact-assistance\" aria-labelledby=\"titre-contact\">\n"
            + "      <h2 id=\"titre-contact\">Contacter l’assistance</h2>\n"));
        assertTrue(html.contains("\n    </section>\n  </main>\n  <footer class=\"pied\">\n"));
        assertTrue(NEUTRE.assemble("operateur/organisations.html").contains("<a href=\"/accueil.html\">Liasse"));
    }

    @Test
    void theActivationAndResetPagesShareTheNewPasswordForm() {
        String activation = NEUTRE.assemble("activation.html");
        String reset = NEUTRE.assemble("reinitialisation.html");

        for (String html : List.of(activation, reset)) {
            assertTrue(html.contains("\n      <form id=\"mot-de-passe\" data-messages=\"mot-de-passe-messages\""));
            assertTrue(html.contains("\n          <input type=\"password\" id=\"confirmation\" name=\"confirmation\""));
        }
        assertTrue(activation.contains("<button type=\"submit\">Activer mon compte</button>"));
        assertTrue(NEUTRE.assemble("mon-compte.html").contains("\n          <label for=\"newPassword\">Nouveau mot de passe</label>\n"
            + "          <span class=\"aide\" id=\"newPassword-aide\">De 12 à 128 caractères,"));
        assertTrue(reset.contains("<button type=\"submit\">Enregistrer le mot de passe</button>"));
    }

    @Test
    void markersTakeValuesFragmentsAndBlocksIndentedAsTheirLine() {
        Map<String, String> files = Map.of(
            "templates/layout.html", "<title>{{titre}}</title>\n<main>\n  {{contenu}}\n</main>\n",
            "templates/champ.html", "<div>\n  <label>{{libelle}}</label> {{script}}\n</div>\n",
            "templates/liste.html", "<ul id=\"{{id}}\">\n  {{contenu}}\n</ul>\n",
            "templates/neutre/liste.html", "<ol id=\"{{id}}\">\n  {{contenu}}\n</ol>\n",
            "pages/dossier/pieces.html", """
                {{# layout titre="Pièces"}}
                <h1>Pièces</h1>

                {{> champ libelle="Nom : prénom"}}
                  {{# liste id="pieces"}}
                    <li>{{script}}</li>
                  {{/ liste}}
                {{/ layout}}
                """);

        assertEquals("""
            <title>Pièces</title>
            <main>
              <h1>Pièces</h1>

              <div>
                <label>Nom : prénom</label> pieces
              </div>
                <ol id="pieces">
                  <li>pieces</li>
                </ol>
            </main>
            """, new PageAssembler(files::get, "neutre", Map.of()).assemble("dossier/pieces.html"));
    }

    @Test
    void aMissingValueFragmentOrEndStopsTheAssembly() {
        Map<String, String> files = Map.of(
            "pages/sans-valeur.html", "<p>{{inconnue}}</p>",
            "pages/sans-fragment.html", "{{> absent}}",
            "pages/sans-fin.html", "{{# absent}}\n<p>Texte</p>",
            "pages/illisible.html", "<p>{{ Titre }}</p>");
        PageAssembler assembler = new PageAssembler(files::get, "neutre", Map.of());

        assertEquals("Page sans-valeur.html: no value for {{inconnue}}",
            assertThrows(IllegalStateException.class, () -> assembler.assemble("sans-valeur.html")).getMessage());
        assertEquals("Page sans-fragment.html: missing templates/absent.html in the web UI bundle",
            assertThrows(IllegalStateException.class, () -> assembler.assemble("sans-fragment.html")).getMessage());
        assertEquals("Page sans-fin.html: no {{/ absent}} after {{# absent}}",
            assertThrows(IllegalStateException.class, () -> assembler.assemble("sans-fin.html")).getMessage());
        assertEquals("Page illisible.html: unexpected marker {{ Titre }}",
            assertThrows(IllegalStateException.class, () -> assembler.assemble("illisible.html")).getMessage());
    }
}
