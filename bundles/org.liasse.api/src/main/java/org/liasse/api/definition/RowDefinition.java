package org.liasse.api.definition;

/**
 * A coded row of a fixed table.
 *
 * @param code  stable code, unique within its fiche
 * @param label French label
 */
public record RowDefinition(String code, String label) {
}
