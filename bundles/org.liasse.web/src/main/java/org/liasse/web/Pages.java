package org.liasse.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Publishes the pages of the web UI: at activation every page file of this bundle is assembled with the layout
 * ({@link PageAssembler}) and the result is served from memory by a {@link PageServlet} registered at the exact
 * path of each page (e.g. {@code /operateur/organisations.html}), which takes precedence over the
 * {@link StaticResources} at {@code /*}. The same servlet is the error page of a 404 in the web UI: an unknown
 * address gets the not-found page ({@link #NOT_FOUND}, not published at a path of its own) in the site's layout.
 */
@Component
public class Pages {

    /** The page file of the not-found page. */
    static final String NOT_FOUND = "introuvable.html";

    private ServiceRegistration<Servlet> registration;

    /** Assembles the pages and registers their servlet. */
    @Activate
    void activate(BundleContext context) {
        Bundle bundle = context.getBundle();
        PageAssembler assembler = new PageAssembler(path -> read(bundle.getEntry(path)));
        String folder = "/" + PageAssembler.PAGES + "/";
        Map<String, String> pages = new TreeMap<>();
        for (URL file : Collections.list(bundle.findEntries(PageAssembler.PAGES, "*.html", true))) {
            String page = file.getPath().substring(folder.length());
            if (!NOT_FOUND.equals(page)) {
                pages.put("/" + page, assembler.assemble(page));
            }
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "liasse-pages");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, pages.keySet().toArray(String[]::new));
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ERROR_PAGE, String.valueOf(HttpServletResponse.SC_NOT_FOUND));
        registration = context.registerService(Servlet.class, new PageServlet(pages, assembler.assemble(NOT_FOUND)), properties);
    }

    /** Withdraws the pages. */
    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    private static String read(URL entry) {
        if (entry == null) {
            return null;
        }
        try (InputStream in = entry.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
