package org.liasse.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
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
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes the pages of the web UI: at activation every page file of this bundle is assembled with the layout
 * ({@link PageAssembler}) and the result is served from memory by a {@link PageServlet} registered at the exact
 * path of each page (e.g. {@code /operateur/organisations.html}), which takes precedence over the
 * {@link StaticResources} at {@code /*}. The same servlet is the error page of a 404 in the web UI: an unknown
 * address gets the not-found page ({@link #NOT_FOUND}, not published at a path of its own) in the site's layout.
 * The theme and the publisher's identity come from {@code etc/org.liasse.web.cfg} ({@link WebConfig}); a change
 * of it assembles the pages again.
 */
@Component(configurationPid = WebConfig.PID)
@Designate(ocd = WebConfig.class)
public class Pages {

    /** The page file of the not-found page. */
    static final String NOT_FOUND = "introuvable.html";
    /** The themes: the State's design system, reserved for the ministry's server, and the partners' neutral one. */
    static final List<String> THEMES = List.of("dsfr", "neutre");

    private BundleContext context;
    private ServiceRegistration<Servlet> registration;

    /** Assembles the pages and registers their servlet. */
    @Activate
    void activate(BundleContext context, WebConfig config) {
        this.context = context;
        register(config);
    }

    /** Assembles the pages again with the new settings. */
    @Modified
    void modified(WebConfig config) {
        registration.unregister();
        register(config);
    }

    /** The values every page sees, from the settings, escaped for HTML. */
    static Map<String, String> siteValues(WebConfig config) {
        if (!THEMES.contains(config.theme())) {
            throw new IllegalArgumentException("theme " + config.theme() + " in " + WebConfig.PID + ": expected one of " + THEMES);
        }
        // The logo goes with the partner's name, written next to it: decorative, hence no text of its own.
        String logo = config.logo().isBlank() ? "" : "<img class=\"logo\" src=\"" + escape(config.logo()) + "\" alt=\"\">";
        return Map.of("partenaire", escape(config.partner_name()), "logo", logo, "editeur", escape(config.publisher()),
            "editeur-courriel", escape(config.publisher_email()), "hebergeur", escape(config.host()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void register(WebConfig config) {
        Bundle bundle = context.getBundle();
        PageAssembler assembler = new PageAssembler(path -> read(bundle.getEntry(path)), config.theme(), siteValues(config));
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
