package org.liasse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/** Serving the assembled pages from memory, with revalidation by ETag. */
class PageServletTest {

    private static final String HTML = "<!DOCTYPE html>\n<title>Été – Liasse</title>\n";
    private static final String NOT_FOUND = "<!DOCTYPE html>\n<title>Page introuvable – Liasse</title>\n";
    private final PageServlet servlet = new PageServlet(Map.of("/operateur/organisations.html", HTML), NOT_FOUND);

    private FakeHttp.Recorded get(String path, Map<String, String> headers) throws Exception {
        return get(FakeHttp.request(path, headers));
    }

    private FakeHttp.Recorded get(HttpServletRequest request) throws Exception {
        FakeHttp.Recorded recorded = new FakeHttp.Recorded();
        servlet.doGet(request, recorded.response());
        return recorded;
    }

    @Test
    void aPageIsServedAsUtf8HtmlWithAnEtag() throws Exception {
        FakeHttp.Recorded page = get("/operateur/organisations.html", Map.of());

        assertEquals(200, page.status);
        assertEquals("text/html;charset=UTF-8", page.headers.get("Content-Type"));
        assertEquals(HTML, page.body.toString(StandardCharsets.UTF_8));
        assertEquals(String.valueOf(HTML.getBytes(StandardCharsets.UTF_8).length), page.headers.get("Content-Length"));
        assertEquals('"', page.headers.get("ETag").charAt(0));
    }

    @Test
    void anUnchangedPageIsNotSentAgain() throws Exception {
        String etag = get("/operateur/organisations.html", Map.of()).headers.get("ETag");

        FakeHttp.Recorded revalidated = get("/operateur/organisations.html", Map.of("If-None-Match", "\"autre\", " + etag));

        assertEquals(304, revalidated.status);
        assertEquals(0, revalidated.body.size());
    }

    @Test
    void anUnknownPageGetsTheNotFoundPage() throws Exception {
        assertNotFoundPage(get("/inconnue.html", Map.of()));
    }

    @Test
    void aNotFoundErrorElsewhereGetsTheNotFoundPageWhateverPathItIsDispatchedTo() throws Exception {
        assertNotFoundPage(get(FakeHttp.request("/operateur/organisations.html", Map.of(), DispatcherType.ERROR)));
    }

    private static void assertNotFoundPage(FakeHttp.Recorded page) {
        assertEquals(404, page.status);
        assertEquals("text/html;charset=UTF-8", page.headers.get("Content-Type"));
        assertEquals(NOT_FOUND, page.body.toString(StandardCharsets.UTF_8));
        assertNull(page.headers.get("ETag"));
    }
}
