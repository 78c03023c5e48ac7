package org.liasse.web;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles a page of the web UI from its page file under {@code pages/} and the fragments under
 * {@code templates/}, with three markers:
 * <ul>
 * <li>{@code {{name}}}: a value; {@code script}, the name of the page file without {@code .html}, is given, and
 * {@code prefixe}, empty unless a fragment is given another, goes before the ids of the fields of a fragment so
 * that one fragment can serve two forms of a page;</li>
 * <li>{@code {{> name a="…"}}}: the fragment {@code templates/name.html}, with the values a, …;</li>
 * <li>{@code {{# name a="…"}}…{{/ name}}}: the same, the markup between the markers being its value
 * {@code contenu}.</li>
 * </ul>
 * A fragment also sees the values of where it is placed. What replaces a marker that opens its line is indented as
 * the marker. A page file is a {@code layout} block: {@code {{# layout titre="…" accueil="…"}}} (its title, and
 * where the brand link leads; {@code script="…"} gives it another page's script, as the help pages share
 * {@code aide.js}), then the content of its {@code <main>}.
 * <p>
 * One set of page files serves every theme: a fragment of the theme, {@code templates/<theme>/name.html}, takes
 * the place of {@code templates/name.html} (e.g. the header and footer), and the values of the site (the theme's
 * name as {@code theme}, the partner's name…) are seen everywhere.
 */
final class PageAssembler {

    /** The folder of the page files; each is published at its path below this folder. */
    static final String PAGES = "pages";
    private static final String TEMPLATES = "templates/";
    private static final Pattern MARKER = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern SYNTAX = Pattern.compile("\\s*([>#/]?)\\s*([a-z][a-z-]*)((?:\\s+[a-z]+=\"[^\"]*\")*)\\s*");
    private static final Pattern ARGUMENT = Pattern.compile("([a-z]+)=\"([^\"]*)\"");
    private static final Pattern NEXT_LINE = Pattern.compile("\n(?=.)");

    private final Function<String, String> source;
    private final String theme;
    private final Map<String, String> site;

    /**
     * {@code source} gives the text of a resource of the bundle by its path, or null when there is none;
     * {@code theme} names the folder of the theme's fragments; {@code site} holds the values every page sees, as
     * HTML.
     */
    PageAssembler(Function<String, String> source, String theme, Map<String, String> site) {
        this.source = source;
        this.theme = theme;
        this.site = new HashMap<>(site);
        this.site.put("theme", theme);
        this.site.put("prefixe", "");
    }

    /** The complete HTML of a page, by the path of its file below {@link #PAGES}, e.g. {@code operateur/organisations.html}. */
    String assemble(String page) {
        String file = page.substring(page.lastIndexOf('/') + 1);
        try {
            Map<String, String> values = new HashMap<>(site);
            values.put("script", file.substring(0, file.length() - ".html".length()));
            return render(read(PAGES + "/" + page), values) + "\n";
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Page " + page + ": " + e.getMessage(), e);
        }
    }

    private String render(String template, Map<String, String> values) {
        StringBuilder html = new StringBuilder();
        Matcher marker = MARKER.matcher(template);
        int done = 0;
        while (marker.find(done)) {
            Matcher parts = SYNTAX.matcher(marker.group(1));
            if (!parts.matches() || "/".equals(parts.group(1))) {
                throw new IllegalStateException("unexpected marker " + marker.group());
            }
            String name = parts.group(2);
            int end = marker.end();
            String text;
            if (parts.group(1).isEmpty()) {
                text = values.get(name);
                if (text == null) {
                    throw new IllegalStateException("no value for " + marker.group());
                }
            } else {
                Map<String, String> scope = new HashMap<>(values);
                ARGUMENT.matcher(parts.group(3)).results().forEach(argument -> scope.put(argument.group(1), argument.group(2)));
                if ("#".equals(parts.group(1))) {
                    Matcher close = Pattern.compile("\\{\\{\\s*/\\s*" + name + "\\s*}}").matcher(template);
                    if (!close.find(end)) {
                        throw new IllegalStateException("no {{/ " + name + "}} after " + marker.group());
                    }
                    String block = template.substring(end, close.start()).replaceFirst("\\A[ \\t]*\\n", "");
                    scope.put("contenu", render(block.stripTrailing().stripIndent(), values));
                    end = close.end();
                }
                String themed = source.apply(TEMPLATES + theme + "/" + name + ".html");
                text = render(themed == null ? read(TEMPLATES + name + ".html") : themed.stripTrailing(), scope);
            }
            String before = template.substring(template.lastIndexOf('\n', marker.start() - 1) + 1, marker.start());
            html.append(template, done, marker.start())
                .append(before.isBlank() ? NEXT_LINE.matcher(text).replaceAll(Matcher.quoteReplacement("\n" + before)) : text);
            done = end;
        }
        return html.append(template, done, template.length()).toString();
    }

    private String read(String path) {
        String text = source.apply(path);
        if (text == null) {
            throw new IllegalStateException("missing " + path + " in the web UI bundle");
        }
        return text.stripTrailing();
    }
}
