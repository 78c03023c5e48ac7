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

    private static final PageAssembler BUNDLE = new PageAssembler(PageAssemblerTest::resource);

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
            String html = BUNDLE.assemble(page);
            String name = page.startsWith("aide/") ? "aide"
                : page.substring(page.lastIndexOf('/') + 1).replace(".html", "");

            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"fr\">\n"), page);
            assertTrue(html.matches("(?s).*\n  <title>[^<{]+ – Liasse</title>\n.*"), page);
            assertTrue(html.contains("<script type=\"module\" src=\"/js/" + name + ".js\"></script>"), page);
            assertTrue(html.contains("<a class=\"lien-evitement\" href=\"#contenu\">Aller au contenu</a>"), page);
            assertEquals(1, count(html, "<main id=\"contenu\" tabindex=\"-1\">"), page);
            assertEquals(1, count(html, "<h1"), page);
            assertFalse(html.contains("{{") || html.contains("<!--"), page);
            assertTrue(html.endsWith("</html>\n"), page);
        }
    }

    @Test
    void theLoginPageKeepsItsMarkupIndentedInTheLayout() {
        String html = BUNDLE.assemble("connexion.html");

        assertTrue(html.contains("  <title>Connexion – Liasse</title>\n"));
        assertTrue(html.contains("<p class=\"marque\"><a href=\"/connexion.html\">Liasse"));
        assertTrue(html.contains("  <main id=\"contenu\" tabindex=\"-1\">\n    <h1>Connexion</h1>\n    <div class=\"carte\">\n"));
        assertTrue(html.contains("\n      </form>\n    </div>\n    <p><a href=\"/aide/index.html\">"));
        assertTrue(html.contains("\n    <section class=\"bloc contact-assistance\" aria-labelledby=\"titre-contact\">\n"
            + "      <h2 id=\"titre-contact\">Contacter l’assistance</h2>\n"));
        assertTrue(html.contains("\n    </section>\n  </main>\n  <footer class=\"pied\">\n"));
        assertTrue(BUNDLE.assemble("operateur/organisations.html").contains("<a href=\"/accueil.html\">Liasse"));
    }

    @Test
    void theActivationAndResetPagesShareTheNewPasswordForm() {
        String activation = BUNDLE.assemble("activation.html");
        String reset = BUNDLE.assemble("reinitialisation.html");

        for (String html : List.of(activation, reset)) {
            assertTrue(html.contains("\n      <form id=\"mot-de-passe\" data-messages=\"mot-de-passe-messages\""));
            assertTrue(html.contains("\n          <input type=\"password\" id=\"confirmation\" name=\"confirmation\""));
        }
        assertTrue(activation.contains("<button type=\"submit\">Activer mon compte</button>"));
        assertTrue(BUNDLE.assemble("mon-compte.html").contains("\n          <label for=\"newPassword\">Nouveau mot de passe</label>\n"
            + "          <span class=\"aide\" id=\"newPassword-aide\">De 12 à 128 caractères,"));
        assertTrue(reset.contains("<button type=\"submit\">Enregistrer le mot de passe</button>"));
    }

    @Test
    void markersTakeValuesFragmentsAndBlocksIndentedAsTheirLine() {
        Map<String, String> files = Map.of(
            "templates/layout.html", "<title>{{titre}}</title>\n<main>\n  {{contenu}}\n</main>\n",
            "templates/champ.html", "<div>\n  <label>{{libelle}}</label> {{script}}\n</div>\n",
            "templates/liste.html", "<ul id=\"{{id}}\">\n  {{contenu}}\n</ul>\n",
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
                <ul id="pieces">
                  <li>pieces</li>
                </ul>
            </main>
            """, new PageAssembler(files::get).assemble("dossier/pieces.html"));
    }

    @Test
    void aMissingValueFragmentOrEndStopsTheAssembly() {
        Map<String, String> files = Map.of(
            "pages/sans-valeur.html", "<p>{{inconnue}}</p>",
            "pages/sans-fragment.html", "{{> absent}}",
            "pages/sans-fin.html", "{{# absent}}\n<p>Texte</p>",
            "pages/illisible.html", "<p>{{ Titre }}</p>");
        PageAssembler assembler = new PageAssembler(files::get);

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
