package org.liasse.signature;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The local timestamp authority over HTTP (RFC 3161 §3.4): {@code POST /tsa} with an
 * {@code application/timestamp-query} body answers {@code application/timestamp-reply}.
 */
final class TimestampServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** A timestamp request is a few hundred bytes; anything much larger is refused unread. */
    private static final int MAX_REQUEST = 16 * 1024;

    private final transient TimestampAuthority authority;

    TimestampServlet(TimestampAuthority authority) {
        this.authority = authority;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/timestamp-query")) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Attendu : application/timestamp-query");
            return;
        }
        byte[] query;
        try (InputStream in = request.getInputStream()) {
            query = in.readNBytes(MAX_REQUEST + 1);
        }
        if (query.length > MAX_REQUEST) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Requête d'horodatage trop volumineuse");
            return;
        }
        byte[] reply = authority.respond(query);
        response.setContentType("application/timestamp-reply");
        response.setContentLength(reply.length);
        response.getOutputStream().write(reply);
    }
}
