package org.liasse.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Serves the assembled pages, held in memory, at their paths: UTF-8 HTML with an ETag, so that the revalidation
 * asked by {@link SecurityHeadersFilter} ({@code no-cache}) costs a 304 while a page is unchanged. Any other path,
 * and the error dispatch of a 404 elsewhere in the web UI, gets the not-found page with the status 404.
 */
final class PageServlet extends HttpServlet {

    /** A page: its bytes and their entity tag. */
    private record Page(byte[] body, String etag) {
    }

    private final Map<String, Page> pages;
    private final byte[] notFound;

    /**
     * {@code pages}: the HTML of each page by its path, e.g. {@code /connexion.html}; {@code notFound}: the HTML
     * of the page that says an address does not exist.
     */
    PageServlet(Map<String, String> pages, String notFound) {
        this.pages = pages.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> {
            byte[] body = entry.getValue().getBytes(StandardCharsets.UTF_8);
            CRC32 checksum = new CRC32();
            checksum.update(body);
            return new Page(body, '"' + HexFormat.of().toHexDigits((int) checksum.getValue()) + '"');
        }));
        this.notFound = notFound.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page page = request.getDispatcherType() == DispatcherType.ERROR ? null
            : pages.get(request.getRequestURI().substring(request.getContextPath().length()));
        if (page == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            write(response, notFound);
            return;
        }
        response.setHeader("ETag", page.etag());
        String known = request.getHeader("If-None-Match");
        if (known != null && Arrays.stream(known.split(",")).map(String::trim).anyMatch(page.etag()::equals)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        write(response, page.body());
    }

    private static void write(HttpServletResponse response, byte[] html) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
