package org.liasse.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ordered lists and maps of short texts kept in one text column: one item per line, {@code key\tvalue} for maps,
 * with backslash, tab and newline escaped.
 */
final class Lines {

    private Lines() {
    }

    static String list(List<String> items) {
        return String.join("\n", items.stream().map(Lines::escape).toList());
    }

    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String line : text.split("\n", -1)) {
                items.add(unescape(line));
            }
        }
        return items;
    }

    static String map(Map<String, String> entries) {
        return String.join("\n", entries.entrySet().stream()
            .map(entry -> escape(entry.getKey()) + "\t" + escape(entry.getValue())).toList());
    }

    static Map<String, String> map(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String line : text.split("\n", -1)) {
                int tab = line.indexOf('\t');
                entries.put(unescape(line.substring(0, tab)), unescape(line.substring(tab + 1)));
            }
        }
        return entries;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
