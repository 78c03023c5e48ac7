package org.liasse.api.report;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Draws one kind of report. A report bundle registers its renderers as OSGi services; a declared report names the
 * kind that draws it ({@code kind}, {@link org.liasse.api.definition.ReportDefinition#STANDARD} by default, which
 * the core provides). Renderers must be thread-safe and must write as they go rather than build whole files in
 * memory.
 */
@ConsumerType
public interface ReportRenderer {

    /** The kind of report it draws, as declared reports name it. */
    String kind();

    /**
     * Writes the report.
     *
     * @param data   what to draw, read beforehand
     * @param format PDF or XLSX: a renderer draws both
     * @param out    where to write; not closed
     */
    void render(ReportData data, ReportFormat format, OutputStream out) throws IOException;
}
