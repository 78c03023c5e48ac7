package org.liasse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/** The security headers and the redirection of the root path. */
class SecurityHeadersFilterTest {

    /** A response that records its headers and redirection. */
    private static final class Recorded {
        final Map<String, String> headers = new HashMap<>();
        String redirect;

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "sendRedirect" -> redirect = (String) args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        }
    }

    private static HttpServletRequest request(String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(SecurityHeadersFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getRequestURI" -> uri;
                case "getContextPath" -> "";
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    @Test
    void pagesGetTheSecurityHeadersAndAreRevalidated() throws Exception {
        Recorded recorded = new Recorded();
        AtomicBoolean passed = new AtomicBoolean();
        new SecurityHeadersFilter().doFilter(request("/connexion.html"), recorded.response(), (req, res) -> passed.set(true));

        assertTrue(passed.get());
        assertEquals("default-src 'self'; frame-ancestors 'none'; form-action 'self'",
            recorded.headers.get("Content-Security-Policy"));
        assertEquals("nosniff", recorded.headers.get("X-Content-Type-Options"));
        assertEquals("same-origin", recorded.headers.get("Referrer-Policy"));
        assertEquals("no-cache", recorded.headers.get("Cache-Control"));
    }

    @Test
    void theRootPathLeadsToTheLoginPage() throws Exception {
        Recorded recorded = new Recorded();
        AtomicBoolean passed = new AtomicBoolean();
        new SecurityHeadersFilter().doFilter(request("/"), recorded.response(), (req, res) -> passed.set(true));

        assertFalse(passed.get());
        assertEquals("/connexion.html", recorded.redirect);
    }
}
