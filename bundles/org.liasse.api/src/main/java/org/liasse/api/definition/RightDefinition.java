package org.liasse.api.definition;

/**
 * An extra right declared by a plugin, granted to users in the rights grid like the core rights.
 *
 * @param code     stable code, lower-case and dotted, e.g. {@code enquete.activite.saisir}
 * @param label    French label shown in the rights grid
 * @param location where it was declared
 */
public record RightDefinition(String code, String label, SourceLocation location) {
}
