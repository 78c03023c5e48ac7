package org.liasse.api.definition;

import java.util.List;

/**
 * A report declared by a plugin: what it shows, as data, for a renderer to draw.
 *
 * @param code          stable code, unique within its plugin
 * @param title         French title
 * @param scope         per dossier or per campaign
 * @param questionnaire code of the questionnaire it reads
 * @param kind          the renderer that draws it ({@code standard}: the core's, which draws the sections)
 * @param national      for a campaign report: only national operators may download it (never a federation
 *                      operator, even restricted to its federation)
 * @param sections      what it shows, in order
 * @param location      where it was declared
 */
public record ReportDefinition(String code, String title, ReportScope scope, String questionnaire, String kind,
                               boolean national, List<ReportSection> sections, SourceLocation location) {

    /** The core renderer's kind, which draws the declared sections. */
    public static final String STANDARD = "standard";

    /** Defensive copy; {@link #STANDARD} when no kind is given. */
    public ReportDefinition {
        kind = kind == null || kind.isBlank() ? STANDARD : kind;
        sections = List.copyOf(sections);
    }

    /** Codes of the aggregates its sections read, each once, in order. */
    public List<String> aggregates() {
        return sections.stream().flatMap(section -> section.aggregates().stream()).distinct().toList();
    }

    /** Codes of the cells its sections read, each once, in order. */
    public List<String> cells() {
        return sections.stream().flatMap(section -> section.cells().stream()).distinct().toList();
    }
}
