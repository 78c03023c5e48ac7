package org.liasse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The security headers and the redirection of the root path. */
class SecurityHeadersFilterTest {

    private final AtomicBoolean passed = new AtomicBoolean();

    private FakeHttp.Recorded filter(String path) throws Exception {
        FakeHttp.Recorded recorded = new FakeHttp.Recorded();
        new SecurityHeadersFilter().doFilter(FakeHttp.request(path, Map.of()), recorded.response(),
            (req, res) -> passed.set(true));
        return recorded;
    }

    @Test
    void pagesGetTheSecurityHeadersAndAreRevalidated() throws Exception {
        FakeHttp.Recorded recorded = filter("/connexion.html");

        assertTrue(passed.get());
        assertEquals("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
            recorded.headers.get("Content-Security-Policy"));
        assertEquals("nosniff", recorded.headers.get("X-Content-Type-Options"));
        assertEquals("same-origin", recorded.headers.get("Referrer-Policy"));
        assertEquals("no-cache", recorded.headers.get("Cache-Control"));
    }

    @Test
    void theRootPathLeadsToTheLoginPage() throws Exception {
        FakeHttp.Recorded recorded = filter("/");

        assertFalse(passed.get());
        assertEquals("/connexion.html", recorded.redirect);
    }
}
