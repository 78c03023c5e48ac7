package org.liasse.api.plugin;

/**
 * Identifies a questionnaire version.
 *
 * @param code    questionnaire code
 * @param version questionnaire version
 */
public record QuestionnaireRef(String code, String version) {
}
