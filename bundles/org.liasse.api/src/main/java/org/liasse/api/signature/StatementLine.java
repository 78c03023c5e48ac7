package org.liasse.api.signature;

/**
 * One cell of a statement.
 *
 * @param cell  cell code
 * @param label row and column labels, e.g. « Capital — Exercice N »
 * @param value the stored value as text (amounts in plain decimal notation, dot separator)
 */
public record StatementLine(String cell, String label, String value) {
}
