package org.liasse.web;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Sets the security headers of the web UI responses and sends the bare root path to the login page. The pages
 * load only same-origin files (no inline script or style); the one exception is images written in a style sheet as
 * {@code data:} addresses, as the State's design system draws the Marianne of its bloc-marque; {@code no-cache}
 * makes browsers revalidate the files (ETag) so that an updated UI is seen at once. The REST API, published by
 * CXF in its own servlet context, keeps its own headers.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
public class SecurityHeadersFilter implements Filter {

    /** Same-origin content only (and images inlined as data), no framing, forms posted to this origin only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
    /** The page shown at the root path. */
    static final String LOGIN_PAGE = "/connexion.html";

    /** Nothing to set up. */
    @Override
    public void init(FilterConfig config) {
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || "/".equals(path)) {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }

    /** Nothing to release. */
    @Override
    public void destroy() {
    }
}
