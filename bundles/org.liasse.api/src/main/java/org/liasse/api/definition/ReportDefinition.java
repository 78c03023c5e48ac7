package org.liasse.api.definition;

/**
 * A report declared by a plugin.
 *
 * @param code          stable code, unique within its plugin
 * @param title         French title
 * @param scope         per dossier or per campaign
 * @param questionnaire code of the questionnaire it reads
 * @param location      where it was declared
 */
public record ReportDefinition(String code, String title, ReportScope scope, String questionnaire,
                               SourceLocation location) {
}
