package org.liasse.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Answers {@code /api} while the REST API is not published: the REST bundle registers the API in a servlet context of
 * its own at {@code /api}, which takes these requests from then on; before (the server starts, or the API is being
 * published again), a caller gets the problem the API itself answers while it starts, 503 {@code serveur-demarre}
 * with {@code Retry-After}, rather than a 404 page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
public class ApiStartingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Seconds a caller is asked to wait, as the API asks while it starts. */
    static final String RETRY_AFTER_SECONDS = "5";
    /** The RFC 9457 document answered, as the REST API writes its problems. */
    static final String PROBLEM = """
        {"type":"urn:liasse:probleme:serveur-demarre","title":"Service indisponible","status":503,\
        "detail":"Le serveur démarre ; réessayez dans quelques secondes.","code":"serveur-demarre"}""";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = PROBLEM.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
