package org.liasse.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Serves the assembled pages, held in memory, at their paths: UTF-8 HTML with an ETag, so that the revalidation
 * asked by {@link SecurityHeadersFilter} ({@code no-cache}) costs a 304 while a page is unchanged.
 */
final class PageServlet extends HttpServlet {

    /** A page: its bytes and their entity tag. */
    private record Page(byte[] body, String etag) {
    }

    private final Map<String, Page> pages;

    /** {@code pages}: the HTML of each page by its path, e.g. {@code /connexion.html}. */
    PageServlet(Map<String, String> pages) {
        this.pages = pages.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> {
            byte[] body = entry.getValue().getBytes(StandardCharsets.UTF_8);
            CRC32 checksum = new CRC32();
            checksum.update(body);
            return new Page(body, '"' + HexFormat.of().toHexDigits((int) checksum.getValue()) + '"');
        }));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page page = pages.get(request.getRequestURI().substring(request.getContextPath().length()));
        if (page == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("ETag", page.etag());
        String known = request.getHeader("If-None-Match");
        if (known != null && Arrays.stream(known.split(",")).map(String::trim).anyMatch(page.etag()::equals)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }
}
