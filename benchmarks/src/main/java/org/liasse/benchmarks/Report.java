package org.liasse.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code docs/benchmarks.md} is shared by several benchmarks, each owning one {@code ## } section: writing a
 * benchmark's document replaces its sections (and the preamble, when it has one) and keeps the others.
 */
public final class Report {

    private Report() {
    }

    /** Merges a document (an optional preamble, then {@code ## } sections) into the report file. */
    public static void write(Path file, String document) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file) : "";
        Files.writeString(file, merge(existing, document));
    }

    /** The existing report with the sections of the update replaced or appended, in the existing order. */
    static String merge(String existing, String update) {
        Map<String, String> sections = sections(existing);
        Map<String, String> updated = sections(update);
        String preamble = updated.get("").isBlank() ? sections.get("") : updated.get("");
        sections.putAll(updated);
        sections.put("", preamble);
        StringBuilder out = new StringBuilder();
        for (String section : sections.values()) {
            String trimmed = section.strip();
            if (!trimmed.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(trimmed).append('\n');
            }
        }
        return out.toString();
    }

    /** Text before the first section under the key "", then each section by its heading line. */
    private static Map<String, String> sections(String document) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("", "");
        String heading = "";
        StringBuilder current = new StringBuilder();
        for (String line : document.split("\n", -1)) {
            if (line.startsWith("## ")) {
                sections.put(heading, current.toString());
                heading = line.strip();
                current = new StringBuilder();
            }
            current.append(line).append('\n');
        }
        sections.put(heading, current.toString());
        return sections;
    }

    /** The load average (1 / 5 / 15 min) of the machine, as Linux reports it, or {@code unknown}. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The value at a percentile (0–100) of sorted values, nearest rank. */
    public static double percentile(List<Double> sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Sorted copy. */
    public static List<Double> sorted(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted;
    }

    /** A number with two decimals, as in every table of the report. */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
